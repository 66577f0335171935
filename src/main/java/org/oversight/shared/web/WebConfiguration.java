package org.oversight.shared.web;

import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** GOV.UK Frontend comes from one pinned source: the govuk-frontend webjar; exports and reports take a slot of their kind. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final NonInteractiveWork work;

    WebConfiguration(NonInteractiveWork work) {
        this.work = work;
    }

    @Override
    public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
        registry.addInterceptor(work);
    }

    static final String GOVUK = "classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // The GDS Transport typeface is for GOV.UK services only: the stylesheet is served without it (see GovukFonts),
        // so browsers use Arial and never ask for the fonts.
        registry.addResourceHandler("/govuk/**").addResourceLocations(GOVUK)
                .setCacheControl(CacheControl.maxAge(1, TimeUnit.DAYS))
                .resourceChain(true).addTransformer(new GovukFonts());
        // The compiled stylesheet refers to /assets/images/...
        registry.addResourceHandler("/assets/images/**").addResourceLocations(GOVUK + "assets/images/")
                .setCacheControl(CacheControl.maxAge(1, TimeUnit.DAYS));
    }
}
