package org.oversight.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActivityFormBrowserIT extends BrowserTest {

    @Test
    void aManagerRecordsAFocusedVisitFixesAnImpossibleDateAndSeesTheDeadlines() {
        signIn("col.manager");
        open("/local-authorities/80450");
        clickAndWait(By.id("add-activity"));
        assertAccessible("activity-form");

        driver.findElement(By.id("type-FOCUSED_VISIT")).click();
        driver.findElement(By.id("theme")).sendKeys("Front door");
        type("notificationDate", "31", "2", "2024");
        type("range1Start", "8", "12", "2026");
        type("range1End", "9", "12", "2026");
        driver.findElement(By.id("leadInspector")).sendKeys("Kate Malleson");
        clickAndWait(By.id("save-activity"));

        assertThat(driver.getTitle()).startsWith("Error: ");
        String summary = driver.findElement(By.className("govuk-error-summary")).getText();
        assertThat(summary).contains("There is a problem")
                .contains("Date of notification must be a real date (31/2/2024 does not exist)");
        assertThat(driver.findElement(By.cssSelector(".govuk-error-summary a")).getAttribute("href")).endsWith("#notificationDate-day");
        assertThat(driver.findElement(By.id("notificationDate-error")).getText()).contains("must be a real date");
        assertThat(driver.findElement(By.id("theme")).getAttribute("value")).as("what was typed is kept").isEqualTo("Front door");
        assertAccessible("activity-form-errors");

        type("notificationDate", "1", "12", "2026");
        clickAndWait(By.id("save-activity"));

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Focused visit: Front door");
        assertThat(text()).contains("Activity recorded");
        String deadlines = driver.findElement(By.id("deadlines")).getText();
        // 30 working days after the last day on site, 9/12/2026, over Christmas and New Year bank holidays.
        assertThat(deadlines).contains("Expected publication 25 January 2027 30 working days after the last day on site (9 December 2026)");
        assertAccessible("activity-created");

        driver.findElement(By.id("kind-PRIORITY_ACTION")).click();
        driver.findElement(By.id("text")).sendKeys("Management oversight of decisions at the front door");
        clickAndWait(By.id("add-finding"));
        assertThat(driver.findElement(By.id("findings-PRIORITY_ACTION")).getText()).contains("Management oversight");
        String withPlans = driver.findElement(By.id("deadlines")).getText();
        assertThat(withPlans).contains("Draft action plan to Ofsted 22 February 2027").contains("Action plan (written statement of action) 6 May 2027")
                .contains("Due").doesNotContain("overdue");
        assertThat(driver.findElement(By.id("history")).getText()).as("people by name").contains("Rachel Green").doesNotContain("col.manager")
                .contains("Added priority action").contains("on site from 8 December 2026");
    }

    @Test
    void anEmptyFindingIsRefusedWithAMessage() {
        signIn("col.staff");
        open("/local-authorities/80450");
        clickAndWait(By.linkText("Focused visit"));
        clickAndWait(By.id("add-finding"));
        String summary = driver.findElement(By.className("govuk-error-summary")).getText();
        assertThat(summary).contains("Select the kind of finding").contains("Enter the finding");
    }

    private void type(String property, String day, String month, String year) {
        for (String[] part : new String[][] {{"-day", day}, {"-month", month}, {"-year", year}}) {
            var input = driver.findElement(By.id(property + part[0]));
            input.clear();
            input.sendKeys(part[1]);
        }
    }
}
