package org.oversight.shared.db;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The signature of a tenant scope: HMAC-SHA256 as RFC 4231 defines it (its test case 2), over the message that
 * {@code oversight_enter_scope} rebuilds in SQL (RowLevelSecurityIT checks that the database accepts what this signs).
 */
class ScopeSignerTest {

    @Test
    void signsWithHmacSha256AsRfc4231() {
        assertThat(HexFormat.of().formatHex(ScopeSigner.hmac("Jefe".getBytes(StandardCharsets.US_ASCII), "what do ya want for nothing?")))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void theMessageNamesTheChallengeTheScopeAndTheLa() {
        UUID la = UUID.fromString("6f1c0c36-2b8e-4d0e-9a43-0e3c4c1d2b7a");
        assertThat(ScopeSigner.message("abc", TenantScope.la(la))).isEqualTo("abc|la|6f1c0c36-2b8e-4d0e-9a43-0e3c4c1d2b7a");
        assertThat(ScopeSigner.message("abc", TenantScope.SYSTEM)).isEqualTo("abc|system|");
        assertThat(ScopeSigner.message("abc", TenantScope.NONE)).isEqualTo("abc||");
    }

    @Test
    void aSignatureBelongsToItsChallengeScopeAndKey() {
        ScopeSigner signer = new ScopeSigner();
        assertThatThrownBy(() -> signer.sign("abc", TenantScope.SYSTEM)).hasMessageContaining("has not been read yet");
        signer.use(new byte[32]);
        byte[] system = signer.sign("abc", TenantScope.SYSTEM);
        assertThat(signer.sign("abc", TenantScope.SYSTEM)).isEqualTo(system);
        assertThat(signer.sign("abd", TenantScope.SYSTEM)).isNotEqualTo(system);
        assertThat(signer.sign("abc", TenantScope.NATIONAL)).isNotEqualTo(system);
        byte[] key = new byte[32];
        key[0] = 1;
        signer.use(key);
        assertThat(signer.sign("abc", TenantScope.SYSTEM)).isNotEqualTo(system);
    }
}
