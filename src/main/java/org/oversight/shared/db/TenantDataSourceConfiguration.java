package org.oversight.shared.db;

import java.io.IOException;

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
                    return new TenantScopedDataSource(dataSource,
                            () -> resolvers.getIfAvailable(() -> TenantDataSourceConfiguration::whenNobodySignedIn).current(), signer::getObject);
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

    /** Nobody signed in: nothing private inside a web request; the system scope for work that is nobody's request. */
    public static TenantScope whenNobodySignedIn() {
        return Boolean.TRUE.equals(IN_REQUEST.get()) ? TenantScope.NONE : TenantScope.SYSTEM;
    }
}
