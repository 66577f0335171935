package org.oversight.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.oversight.childdata.ssda903.SyntheticData;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChildDataBrowserIT extends BrowserTest {

    @Test
    void aManagerUploadsAReturnSeesItsErrorsThenTheDashboardAndAChild() throws Exception {
        Path dir = Files.createTempDirectory("oversight-903-ui");
        SyntheticData.generate("la", 11, List.of("201"), dir);
        Path good = dir.resolve("201");
        Path broken = Files.createTempDirectory("oversight-903-broken");
        List<String> episodes = Files.readAllLines(good.resolve("episodes.csv"));
        String first = episodes.get(1);
        String[] cells = first.split(",", -1);
        cells[1] = "31/02/2024";
        episodes.set(1, String.join(",", cells));
        Files.write(broken.resolve("episodes.csv"), episodes);
        Files.copy(good.resolve("header.csv"), broken.resolve("header.csv"));

        signIn("col.manager");
        open("/local-authorities/80450/compliance");
        clickAndWait(By.id("upload-903"));
        assertAccessible("child-data-upload");

        driver.findElement(By.id("files")).sendKeys(broken.resolve("header.csv") + "\n" + broken.resolve("episodes.csv"));
        driver.findElement(By.id("year")).clear();
        driver.findElement(By.id("year")).sendKeys("2026");
        clickAndWait(By.id("import-903"));
        assertThat(driver.getCurrentUrl()).contains("/child-data/jobs/");
        finished();
        assertThat(text()).contains("Nothing was stored");
        String errors = driver.findElement(By.id("errors")).getText();
        assertThat(errors).contains("episodes.csv 2 DECOM 31/02/2024");
        assertAccessible("child-data-errors");

        open("/local-authorities/80450/child-data");
        String all = String.join("\n", Files.list(good).sorted().map(p -> p.toAbsolutePath().toString()).toList());
        driver.findElement(By.id("files")).sendKeys(all);
        driver.findElement(By.id("year")).clear();
        driver.findElement(By.id("year")).sendKeys("2026");
        clickAndWait(By.id("import-903"));
        finished();
        if (!driver.findElements(By.id("import-confirm")).isEmpty()) {
            // Another test left City of London's data for 2026-27 with many more children: confirm the drop.
            clickAndWait(By.id("confirm-import"));
            finished();
        }
        assertThat(driver.findElement(By.id("progress-bar")).getAttribute("value")).isEqualTo("3");
        assertThat(driver.findElement(By.id("import-stored")).getText()).contains("Return stored").contains("0 rows left out");

        clickAndWait(By.linkText("Timescale compliance"));
        assertThat(driver.findElement(By.id("rule-table")).getText()).contains("Reviews of children in care").contains("Social work visits")
                .contains("Health assessments").contains("Pathway plan reviews");
        assertThat(driver.findElement(By.id("rule-chart")).getAttribute("role")).isEqualTo("img");
        assertAccessible("compliance-dashboard-with-trend");
        clickAndWait(By.linkText("Children in Care Team 1"));
        assertThat(driver.findElement(By.id("worker-table")).getText()).contains("Social worker 1-");
        assertAccessible("compliance-team");
        clickAndWait(By.cssSelector("#team-children tbody a"));
        assertAccessible("purpose");
        driver.findElement(By.id("purpose")).click();
        clickAndWait(By.id("open-record"));
        assertThat(driver.findElement(By.id("rule-status")).getText()).contains("Reviews of children in care").contains("Social work visits");
        assertThat(driver.findElement(By.id("child-team")).getText()).isEqualTo("Children in Care Team 1");
        assertThat(text()).contains("Your view of it has been logged");
        assertAccessible("compliance-child-with-annex-a");

        // A return of three children where the current data has many more: the confirmation step, then cancelled.
        Path few = Files.createTempDirectory("oversight-903-few");
        List<String> header = Files.readAllLines(good.resolve("header.csv"));
        java.util.Set<String> kept = header.stream().skip(1).limit(3).map(l -> l.split(",", 2)[0]).collect(java.util.stream.Collectors.toSet());
        for (String table : List.of("header.csv", "episodes.csv", "reviews.csv")) {
            List<String> lines = Files.readAllLines(good.resolve(table));
            List<String> out = new java.util.ArrayList<>(List.of(lines.getFirst()));
            lines.stream().skip(1).filter(l -> kept.contains(l.split(",", 2)[0])).forEach(out::add);
            Files.write(few.resolve(table), out);
        }
        open("/local-authorities/80450/child-data");
        driver.findElement(By.id("files")).sendKeys(String.join("\n", Files.list(few).sorted().map(p -> p.toAbsolutePath().toString()).toList()));
        driver.findElement(By.id("year")).clear();
        driver.findElement(By.id("year")).sendKeys("2026");
        clickAndWait(By.id("import-903"));
        finished();
        assertThat(driver.findElement(By.id("import-confirm")).getText()).contains("% fewer than the");
        assertAccessible("child-data-confirm");
        clickAndWait(By.id("cancel-import"));
        assertThat(text()).contains("You cancelled this import");
    }

    /**
     * The fake sample (data/child-data/ssda903-fake, twelve tables) uploaded as City of London's 2026-27 return: the
     * result page lists, rule by rule, as many rows as DfE's reference implementation flags on the same files
     * (data/child-data/ssda903-fake-reference-counts.csv), except the differences docs/ssda903.md explains, and names
     * the rules it could not check instead of passing them.
     */
    @Test
    void theFakeSamplesErrorsAreShownRuleByRuleAsTheDfeRulesGiveThem() throws Exception {
        java.util.Map<String, Integer> expected = new java.util.TreeMap<>();
        java.util.Set<String> skipped = new java.util.TreeSet<>();
        for (String line : Files.readAllLines(org.oversight.childdata.ssda903.ReferenceComparisonTest.COUNTS).subList(1, 323)) {
            String[] f = line.split(",", -1);
            if (f[1].equals("skipped")) {
                skipped.add(f[0]);
            }
            int n = org.oversight.childdata.ssda903.ReferenceComparisonTest.DIFFERENCES.getOrDefault(f[0], Integer.parseInt(f[2]));
            if (n > 0) {
                expected.put(f[0], n);
            }
        }
        signIn("col.manager");
        open("/local-authorities/80450/child-data");
        String all = String.join("\n", org.oversight.childdata.ssda903.FakeDataTest.FILES.stream()
                .map(n -> org.oversight.childdata.ssda903.FakeDataTest.DIR.resolve(n).toAbsolutePath().toString()).toList());
        driver.findElement(By.id("files")).sendKeys(all);
        driver.findElement(By.id("year")).clear();
        driver.findElement(By.id("year")).sendKeys("2026");
        clickAndWait(By.id("import-903"));
        finished();
        assertThat(text()).contains("Nothing was stored");
        assertThat(driver.findElement(By.id("rules-summary")).getText()).contains("322 rules");
        java.util.Map<String, Integer> shown = new java.util.TreeMap<>();
        for (var row : driver.findElements(By.cssSelector("#rule-results tbody tr"))) {
            shown.put(row.getAttribute("data-rule"),
                    Integer.parseInt(row.findElements(By.tagName("td")).get(1).getText().replace(",", "")));
        }
        assertThat(shown).isEqualTo(expected);
        assertThat(driver.findElement(By.cssSelector("#rule-results tr[data-rule='101']")).getText())
                .contains("Error").contains("2,675").contains("The child or young person’s reported sex is not valid.");
        java.util.Set<String> notChecked = new java.util.TreeSet<>();
        driver.findElements(By.cssSelector("#rules-not-checked tbody tr")).forEach(r -> notChecked.add(r.getAttribute("data-rule")));
        assertThat(notChecked).containsAll(skipped).contains("1008", "202", "706");
        driver.findElement(By.cssSelector("#rules-not-checked summary")).click();
        assertThat(driver.findElement(By.cssSelector("#rules-not-checked tr[data-rule='1008']")).getText())
                .contains("Ofsted's lists of children's homes");
        assertAccessible("child-data-rules");
    }

    /** The job page reloads itself when the import has finished; wait for its result. */
    private void finished() {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(180)).until(d ->
                !d.findElements(By.id("import-stored")).isEmpty() || !d.findElements(By.id("import-not-stored")).isEmpty()
                        || !d.findElements(By.id("import-confirm")).isEmpty());
    }
}
