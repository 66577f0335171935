package org.oversight.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegisterBrowserIT extends BrowserTest {

    @Test
    void aVisitorBrowsesTheRegisterToCityOfLondonsHistory() {
        open("/");
        clickAndWait(By.linkText("Browse the register"));
        assertThat(driver.findElement(By.id("result-count")).getText()).isEqualTo("153 local authorities");

        driver.findElement(By.id("q")).sendKeys("City of London");
        clickAndWait(By.id("apply-filters"));
        assertThat(driver.findElement(By.id("result-count")).getText()).isEqualTo("1 local authority");
        clickAndWait(By.linkText("City of London"));

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("City of London");
        WebElement activities = driver.findElement(By.id("activity-table"));
        String history = activities.getText();
        assertThat(history).contains("Focused visit").contains("(Care leavers)").contains("24 October 2018").contains("16 November 2018");
        assertThat(history).contains("Short inspection").contains("2 March 2020 to 6 March 2020").contains("6 April 2020");
        assertThat(history).contains("3 areas for improvement, 0 areas for priority action");
        assertThat(history).contains("Overall: Outstanding").contains("Help and protection: Good");
        assertThat(driver.findElement(By.id("neighbour-table")).getText()).contains("Camden").contains("Brighton and Hove");
        // The latest graded inspection is the imported short inspection of 23-27 September 2024.
        assertThat(driver.findElement(By.id("next-window")).getText()).contains("Usual window 23 March 2027 to 23 March 2028")
                .contains("Short inspection");

        clickAndWait(By.xpath("//table[@id='activity-table']//tr[contains(., '2 March 2020')]//a[text()='Short inspection']"));
        String judgements = driver.findElement(By.id("judgements")).getText();
        assertThat(judgements).contains("The impact of leaders on social work practice with children and families Outstanding");
        assertThat(judgements).contains("The experiences and progress of children who need help and protection Good");
        assertThat(judgements).contains("The experiences and progress of children in care and care leavers Outstanding");
        assertThat(judgements).contains("Overall effectiveness Outstanding");
        // The recommendation as in the published report (the import keeps the demo record's identical wording).
        assertThat(text()).contains("The recording of management decision-making at all stages of a child");
    }

    @Test
    void theRegisterFiltersByRegionAndJudgement() {
        open("/local-authorities?region=GL&judgement=OUTSTANDING");
        String table = driver.findElement(By.id("register-table")).getText();
        assertThat(table).contains("City of London");
        assertThat(table).doesNotContain("Barnsley");
        open("/local-authorities?region=NE");
        assertThat(driver.findElement(By.id("result-count")).getText()).isEqualTo("12 local authorities");
    }

    @Test
    void theRegisterSortsPagesAndFiltersWithoutJavaScriptAndStaysAccessible() {
        open("/local-authorities");
        assertThat(driver.findElement(By.id("showing")).getText()).isEqualTo("Showing 1 to 25 of 153");
        clickAndWait(By.id("sort-overall"));
        assertThat(driver.findElement(By.cssSelector("th[aria-sort=ascending]")).getText()).startsWith("Latest overall effectiveness");
        assertThat(driver.findElement(By.cssSelector("#register-table tbody tr td:nth-child(4)")).getText()).isEqualTo("Outstanding");
        clickAndWait(By.id("pagination-next"));
        assertThat(driver.findElement(By.id("showing")).getText()).isEqualTo("Showing 26 to 50 of 153");
        assertThat(driver.findElement(By.cssSelector("th[aria-sort=ascending]")).getText()).startsWith("Latest overall effectiveness");
        assertAccessible("register-sorted-page-2");

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("region"))).selectByValue("GL");
        clickAndWait(By.id("apply-filters"));
        assertThat(driver.findElement(By.id("result-count")).getText()).isEqualTo("33 local authorities");
        assertThat(driver.getCurrentUrl()).contains("sort=overall").doesNotContain("page=");
        clickAndWait(By.id("size-all"));
        assertThat(driver.findElements(By.cssSelector("#register-table tbody tr"))).hasSize(33);
        assertThat(driver.findElements(By.id("pagination"))).isEmpty();
        assertAccessible("register-london-all");

        driver.findElement(By.id("q")).sendKeys("Atlantis");
        clickAndWait(By.id("apply-filters"));
        assertThat(driver.findElement(By.id("no-results")).getText()).startsWith("No local authority matches");
        assertThat(driver.findElements(By.id("register-table"))).isEmpty();
        assertAccessible("register-no-results");

        open("/local-authorities?page=99");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("give a whole number from 1 to 7");
        assertAccessible("register-bad-page");
    }

    @Test
    void mainPagesHaveNoAccessibilityViolations() {
        open("/");
        assertAccessible("home");
        open("/login");
        assertAccessible("login");
        open("/local-authorities");
        assertAccessible("register");
        open("/local-authorities/80450");
        assertAccessible("single-record");
        clickAndWait(By.linkText("Focused visit"));
        assertAccessible("activity");
        open("/local-authorities/80450999");
        assertAccessible("not-found");
        open("/accessibility");
        assertAccessible("accessibility");
        open("/compliance/rules");
        assertThat(driver.findElement(By.id("rule-CLA-REVIEW")).getText()).contains("20 working days").contains("regulation 33");
        assertAccessible("compliance-rules");
    }
}
