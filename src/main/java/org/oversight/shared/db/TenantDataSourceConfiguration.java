package org.oversight.shared.db;

import java.io.IOException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Wraps the application's pooled DataSource so every connection carries the tenant scope of the current thread, and
 * marks the threads that serve web requests. With nobody signed in, a web request sees no LA's private rows; other
 * work (start-up, batch commands, background jobs) runs in the system scope.
 */
@Configuration(proxyBeanMethods = false)
public class TenantDataSourceConfiguration {

    private static final ThreadLocal<Boolean> IN_REQUEST = new ThreadLocal<>();

    @Bean
    static BeanPostProcessor tenantScopedDataSource(ObjectProvider<TenantResolver> resolvers, ObjectProvider<ScopeSigner> signer) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof TenantScopedDataSource) && beanName.equals("dataSource")) {
                    Once<TenantResolver> resolver = new Once<>(resolvers::getIfAvailable);
                    Once<ScopeSigner> signers = new Once<>(signer::getObject);
                    return new TenantScopedDataSource(dataSource, () -> {
                        TenantResolver found = resolver.get();
                        return found == null ? whenNobodySignedIn() : found.current();
                    }, signers);
                }
                return bean;
            }
        };
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    OncePerRequestFilter tenantRequestMarker() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                IN_REQUEST.set(Boolean.TRUE);
                try {
                    chain.doFilter(request, response);
                } finally {
                    IN_REQUEST.remove();
                }
            }
        };
    }

    /**
     * A bean looked up once it exists, then kept: looking it up in the bean factory on every connection checkout was
     * about 5 % of a page's CPU under load (issue 15, JFR). Until the bean exists (early in start-up) it is looked up
     * again each time, and {@code null} is answered while there is none.
     */
    static final class Once<T> implements Supplier<T> {
        private final Supplier<T> lookUp;
        private volatile T found;

        Once(Supplier<T> lookUp) {
            this.lookUp = lookUp;
        }

        @Override
        public T get() {
            T value = found;
            if (value == null) {
                value = lookUp.get();
                found = value;
            }
            return value;
        }
    }

    /** Nobody signed in: nothing private inside a web request; the system scope for work that is nobody's request. */
    public static TenantScope whenNobodySignedIn() {
        return Boolean.TRUE.equals(IN_REQUEST.get()) ? TenantScope.NONE : TenantScope.SYSTEM;
    }
}
