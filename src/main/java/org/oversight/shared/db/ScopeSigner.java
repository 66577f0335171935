package org.oversight.shared.db;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Signs tenant scopes for the database. The key lives in {@code oversight_scope_key}, which only the tables' owner can
 * read; the server process reads it once at start through the owner's login (the one that runs the migrations) and
 * keeps it in memory. A connection that knows only the application role's password cannot sign a scope, so it cannot
 * see any LA's private rows ({@code R__row_level_security.sql} verifies the signature in SQL).
 */
@Component
public class ScopeSigner {

    private volatile byte[] key;
    /** One initialised MAC per thread and key (keying a MAC costs more than using it). */
    private final ThreadLocal<Keyed> macs = new ThreadLocal<>();

    private record Keyed(byte[] key, Mac mac) {
    }

    /** Reads the key as the tables' owner (any other role is refused by PostgreSQL). */
    public void load(DataSource owner) throws SQLException {
        try (Connection c = owner.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT key FROM oversight_scope_key")) {
            if (!rs.next()) {
                throw new SQLException("oversight_scope_key is empty: the migrations did not finish");
            }
            key = rs.getBytes(1);
        }
    }

    /** For tests and tools that already hold the key. */
    public void use(byte[] key) {
        this.key = key.clone();
    }

    boolean loaded() {
        return key != null;
    }

    /** HMAC-SHA256 of {@code challenge|scope|la}, as {@code oversight_enter_scope} recomputes it. */
    byte[] sign(String challenge, TenantScope scope) {
        byte[] k = key;
        if (k == null) {
            throw new IllegalStateException("The tenant-scope key has not been read yet (it is read as the tables' owner right after the migrations)");
        }
        Keyed keyed = macs.get();
        if (keyed == null || keyed.key() != k) {
            keyed = new Keyed(k, mac(k));
            macs.set(keyed);
        }
        return keyed.mac().doFinal(message(challenge, scope).getBytes(StandardCharsets.UTF_8));
    }

    static String message(String challenge, TenantScope scope) {
        return challenge + "|" + scope.scope() + "|" + (scope.laId() == null ? "" : scope.laId().toString());
    }

    static byte[] hmac(byte[] key, String message) {
        return mac(key).doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
