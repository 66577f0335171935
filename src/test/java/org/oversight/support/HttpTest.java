package org.oversight.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test against the whole application on a random port, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HttpTest extends IntegrationTest {

    @LocalServerPort
    protected int port;
    protected Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }
}
