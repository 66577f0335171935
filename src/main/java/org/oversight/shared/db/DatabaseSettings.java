package org.oversight.shared.db;

import javax.sql.DataSource;

import org.springframework.core.env.PropertyResolver;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database logins Oversight uses, from the environment (README, Configuration): the application's role
 * ({@code SPRING_DATASOURCE_*}), the tables' owner that runs the migrations ({@code SPRING_FLYWAY_USER}/{@code _PASSWORD},
 * at the datasource's URL unless {@code SPRING_FLYWAY_URL} says otherwise), the name the migrations grant to
 * ({@code OVERSIGHT_DB_APP_ROLE}) and the backup role ({@code OVERSIGHT_DB_BACKUP_USER}/{@code _PASSWORD}).
 */
public record DatabaseSettings(String url, String appUser, String appPassword, String ownerUrl, String owner, String ownerPassword,
        String appRole, String backupUser, String backupPassword) {

    public static final String DEFAULT_APP_ROLE = "oversight_app";

    public static DatabaseSettings from(PropertyResolver env) {
        String url = env.getProperty("spring.datasource.url", "");
        String appUser = env.getProperty("spring.datasource.username", "");
        String appPassword = env.getProperty("spring.datasource.password", "");
        String owner = blankTo(env.getProperty("spring.flyway.user"), appUser);
        return new DatabaseSettings(url, appUser, appPassword, blankTo(env.getProperty("spring.flyway.url"), url), owner,
                owner.equals(appUser) && blank(env.getProperty("spring.flyway.password")) ? appPassword : env.getProperty("spring.flyway.password", ""),
                blankTo(env.getProperty("oversight.db.app-role"), DEFAULT_APP_ROLE), env.getProperty("oversight.db.backup-user", ""),
                env.getProperty("oversight.db.backup-password", ""));
    }

    public DataSource appDataSource() {
        return new DriverManagerDataSource(url, appUser, appPassword);
    }

    public DataSource ownerDataSource() {
        return new DriverManagerDataSource(ownerUrl, owner, ownerPassword);
    }

    public boolean hasBackupRole() {
        return !backupUser.isBlank();
    }

    /** The login {@code bin/oversight backup} reads as: the backup role, else the owner (which must then bypass row-level security). */
    public DataSource backupDataSource() {
        return hasBackupRole() ? new DriverManagerDataSource(ownerUrl, backupUser, backupPassword) : ownerDataSource();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankTo(String s, String fallback) {
        return blank(s) ? fallback : s;
    }
}
