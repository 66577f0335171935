package org.oversight.web;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.oversight.childdata.demo.DemoJourneys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A self-evaluation's help-and-protection section in a real browser, axe-core on each state: the front door's figures
 * offered with their trend in words and their neighbours' and England's figures said to be not held, a theme written,
 * and a figure cited for that theme keeping its trend. Uses 2024, which no other test starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SelfEvaluationSectionBrowserIT extends BrowserTest {

    private static final String TREND = "Trend: ((up|down) [0-9.]+ points? since \\d{1,2} \\w+ \\d{4}(, (better|worse))?"
            + "|no change since \\d{1,2} \\w+ \\d{4}|No earlier figure held)";

    @Autowired
    DemoJourneys demo;
    @Autowired
    JdbcClient jdbc;
    private UUID loaded;

    @BeforeEach
    void demoJourney() {
        loaded = org.oversight.support.DemoJourneyFixture.loadIfMissing(demo, jdbc);
    }

    @AfterEach
    void removeTheDemoJourney() {
        org.oversight.support.DemoJourneyFixture.remove(jdbc, loaded);
    }

    @Test
    void theFrontDoorsFiguresWithTheirTrendAThemeWrittenAndAFigureCitedForIt() {
        signIn("col.manager");
        open("/local-authorities/80450/self-evaluations");
        driver.findElement(By.id("year")).clear();
        driver.findElement(By.id("year")).sendKeys("2024");
        clickAndWait(By.id("start"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Self-evaluation 2024");

        open("/local-authorities/80450/self-evaluations/2024/sections/help-and-protection");
        WebElement offered = driver.findElement(By.id("offered"));
        assertThat(offered.getText()).contains("Assessments completed within 45 working days").contains("Statistical neighbours: Not held")
                .contains("England: Not held");
        String trend = driver.findElement(By.id("trend-0")).getText();
        assertThat(trend).matches(TREND);
        assertThat(driver.findElement(By.id("benchmark-hint")).getText()).contains("only to national analysts");
        assertThat(driver.findElements(By.cssSelector("textarea[name^='theme-']"))).hasSize(7);
        assertAccessible("selfeval-section-themes");

        driver.findElement(By.id("know")).sendKeys("Children who need help are seen quickly.");
        driver.findElement(By.id("theme-FRONT_DOOR")).sendKeys("Contacts are screened the same day; thresholds are understood by partners.");
        clickAndWait(By.id("save"));
        assertThat(text()).contains("Section saved");
        assertThat(driver.findElement(By.id("theme-FRONT_DOOR")).getAttribute("value")).contains("thresholds are understood by partners");

        String label = driver.findElement(By.cssSelector("#offered li strong")).getText();
        String offeredTrend = driver.findElement(By.id("trend-0")).getText().substring("Trend: ".length());
        new Select(driver.findElement(By.id("theme-for-0"))).selectByVisibleText("The front door: contacts, referrals and thresholds");
        clickAndWait(By.id("cite-0"));
        String cited = driver.findElement(By.id("citation-table")).getText();
        assertThat(cited).contains(label).contains("The front door: contacts, referrals and thresholds").contains(offeredTrend)
                .contains("England: Not held").contains("Unchanged");
        assertAccessible("selfeval-section-theme-cited");

        // The version's page shows the theme's words as added.
        clickAndWait(By.partialLinkText("Version 1, by col.manager"));
        assertThat(driver.findElements(By.tagName("h2")).stream().map(WebElement::getText))
                .contains("The front door: contacts, referrals and thresholds");
        assertThat(driver.findElements(By.tagName("ins")).stream().map(WebElement::getText))
                .anyMatch(t -> t.contains("thresholds are understood by partners"));
        assertAccessible("selfeval-version-theme");
    }
}
