package org.oversight.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.oversight.compliance.ComplianceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplianceBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aManagerSeesWhoIsOutOfTimescaleAndWhy() {
        ComplianceFixtures.southwark(jdbc);
        signIn("southwark.manager");
        open("/local-authorities/80514/compliance");
        assertThat(driver.findElement(By.id("reviews-summary")).getText()).contains("1 of 2 children in care");
        assertAccessible("compliance-dashboard");
        clickAndWait(By.linkText("B2"));
        assertThat(driver.findElement(By.id("review-history")).getText()).contains("29/06/2023").contains("10/07/2023");
        assertAccessible("compliance-child");
    }
}
