package org.oversight.shared.web;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.oversight.compliance.ComplianceFixture;
import org.oversight.compliance.ComplianceService;
import org.oversight.support.HttpTest;
import org.oversight.support.TestPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.expression.spel.standard.SpelCompiler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages' expressions are compiled to bytecode by Spring's SpEL compiler once they have run 100 times (MIXED mode,
 * `spring.thymeleaf.enable-spring-el-compiler`). Most tests render a page a few times, so they only see the interpreted
 * expressions: this one renders each main page past that threshold and checks the compiled page is the same page.
 */
class CompiledExpressionsIT extends HttpTest {

    /** Spring's SpelExpression compiles an expression after this many interpreted runs. */
    private static final int RUNS = 110;
    /** Values that differ from one response to the next by design: the CSRF token (masked per request) and CSP nonces. */
    private static final Pattern PER_RESPONSE = Pattern.compile("(name=\"_csrf\" value=\"|nonce=\"|content=\"[^\"]*nonce-)[^\"]*\"");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ComplianceService compliance;

    @Test
    void eachMainPageIsTheSameOnceItsExpressionsAreCompiled() {
        ComplianceFixture.southwark(jdbc, compliance);
        var plan = TestPlans.create(jdbc, "Compiled expressions plan");
        Map<String, String> pages = Map.of(
                "/", "southwark.manager",
                "/local-authorities/80514", "southwark.manager",
                "/local-authorities/80514/compliance", "southwark.manager",
                "/local-authorities/80514/children/B2?purpose=DIRECT_WORK", "southwark.manager",
                "/local-authorities/80514/help-and-protection", "southwark.manager",
                "/local-authorities", "southwark.manager",
                "/plans/" + plan.id(), "col.manager",
                "/national", "analyst",
                "/compliance/national", "analyst");
        int compiledBefore = expressionsCompiled();
        pages.forEach((path, user) -> {
            String first = page(path, user);
            for (int i = 1; i < RUNS; i++) {
                page(path, user);
            }
            assertThat(page(path, user)).as("%s rendered with compiled expressions", path).isEqualTo(first);
        });
        assertThat(expressionsCompiled() - compiledBefore).as("expressions compiled while the pages were rendered").isGreaterThan(50);
    }

    private String page(String path, String user) {
        var response = http.get(path, user);
        assertThat(response.status()).as(path).isEqualTo(200);
        return PER_RESPONSE.matcher(response.body()).replaceAll("$1\"");
    }

    /** How many expression classes Spring's SpEL compilers have generated so far (one per compiled expression). */
    @SuppressWarnings("unchecked")
    private static int expressionsCompiled() {
        var compilers = (Map<ClassLoader, SpelCompiler>) ReflectionTestUtils.getField(SpelCompiler.class, "compilers");
        assertThat(compilers).as("Spring's SpelCompiler keeps its compilers by class loader").isNotNull();
        synchronized (compilers) {
            return compilers.values().stream()
                    .mapToInt(c -> ((AtomicInteger) ReflectionTestUtils.getField(c, "suffixId")).get() - 1).sum();
        }
    }
}
