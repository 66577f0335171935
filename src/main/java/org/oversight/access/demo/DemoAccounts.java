package org.oversight.access.demo;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.oversight.access.Role;
import org.oversight.access.UserAccounts;

/**
 * Creates the demo accounts on first start, with random passwords printed once to the console, or the
 * password in {@code OVERSIGHT_DEMO_PASSWORD} when it is set. Runs after the register is loaded.
 */
@Component
@Order(20)
public class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
    private static final int CITY_OF_LONDON = 80450;
    private static final int SOUTHWARK = 80514;

    /** The demo people: one per role, City of London and Southwark for the LA roles. */
    static final List<Demo> PEOPLE = List.of(
            new Demo("admin", "Ada Admin (system administrator)", Role.ADMIN, null),
            new Demo("analyst", "Nadia Analyst (national analyst)", Role.NATIONAL_ANALYST, null),
            new Demo("inspector", "Ian Inspector (Ofsted)", Role.INSPECTOR, null),
            new Demo("col.manager", "Rachel Green (City of London, head of quality and performance)", Role.LA_MANAGER, CITY_OF_LONDON),
            new Demo("col.staff", "Sam Social (City of London, social worker)", Role.LA_STAFF, CITY_OF_LONDON),
            new Demo("col.director", "Helen Carter (City of London, director of children's services)", Role.LA_MANAGER, CITY_OF_LONDON),
            new Demo("col.councillor", "Chris Council (City of London, councillor)", Role.COUNCILLOR, CITY_OF_LONDON),
            new Demo("southwark.manager", "Tom Stevenson (Southwark, assistant director)", Role.LA_MANAGER, SOUTHWARK));

    record Demo(String username, String displayName, Role role, Integer laUrn) {
    }

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final boolean enabled;
    private final String fixedPassword;
    private final String baseUrl;
    private final SecureRandom random = new SecureRandom();
    private List<String> createdThisRun = List.of();
    private boolean announce;

    DemoAccounts(UserAccounts accounts, PasswordEncoder encoder,
                 @Value("${oversight.demo.enabled:true}") boolean enabled,
                 @Value("${oversight.demo.password:}") String fixedPassword,
                 @Value("${oversight.base-url:http://localhost:8080}") String baseUrl) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.enabled = enabled;
        this.fixedPassword = fixedPassword;
        this.baseUrl = baseUrl;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        createdThisRun = ensure(false);
        // Batch commands create the accounts too (so demo data has its owners) but print nothing: a fresh password
        // printed by a script would be lost; bin/oversight reset-demo-passwords prints new ones.
        announce = !args.containsOption("oversight.cli");
    }

    /** Prints where Oversight is and how to sign in, once the web server is listening. */
    @EventListener(ApplicationReadyEvent.class)
    public void printSignIns() {
        if (!announce) {
            return;
        }
        List<String> lines = createdThisRun;
        StringBuilder banner = new StringBuilder("\n\n  Oversight is ready at ").append(baseUrl).append("\n");
        if (lines.isEmpty()) {
            banner.append("  Demo accounts: ").append(String.join(", ", accounts.demoUsernames()))
                    .append(" (passwords were printed on first start; bin/oversight reset-demo-passwords prints new ones)\n");
        } else {
            banner.append("  Demo sign-ins (printed once; keep them):\n");
            lines.forEach(line -> banner.append("    ").append(line).append('\n'));
        }
        System.out.println(banner);
        log.info("Oversight ready at {}", baseUrl);
    }

    /**
     * Creates missing demo accounts (or resets all when {@code reset}), returning "username  password  role" lines
     * for those whose password was set now.
     */
    public List<String> ensure(boolean reset) {
        List<String> lines = new ArrayList<>();
        for (Demo demo : PEOPLE) {
            if (!reset && accounts.exists(demo.username())) {
                continue;
            }
            String password = fixedPassword == null || fixedPassword.isBlank() ? randomPassword() : fixedPassword;
            accounts.upsert(demo.username(), demo.displayName(), encoder.encode(password), demo.role(), demo.laUrn(), true);
            lines.add(String.format("%-18s %-22s %s", demo.username(), password, demo.displayName()));
        }
        return lines;
    }

    private String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
