package org.oversight.voice;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every refusal of a signed-in young person (a staff page, another record) is written to their own access log, so
 * an LA can see who tried what. Spring Security publishes denials (not grants) once this publisher exists.
 */
@Configuration(proxyBeanMethods = false)
class RefusalLog {

    private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);

    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    @Bean
    DeniedListener youngPersonDeniedListener(VoiceService voice) {
        return new DeniedListener(voice);
    }

    static final class DeniedListener {
        private final VoiceService voice;

        DeniedListener(VoiceService voice) {
            this.voice = voice;
        }

        @EventListener
        public void denied(AuthorizationDeniedEvent<?> event) {
            Authentication auth = event.getAuthentication().get();
            if (auth == null || !(auth.getPrincipal() instanceof YoungPersonPrincipal me)) {
                return;
            }
            HttpServletRequest request = event.getSource() instanceof HttpServletRequest r ? r
                    : RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
            String what = request == null ? String.valueOf(event.getSource()) : request.getMethod() + " " + request.getRequestURI();
            try {
                voice.logRefused(me, what);
            } catch (RuntimeException e) {
                log.warn("Could not log a young person's refused attempt at {}", what, e);
            }
        }
    }
}
