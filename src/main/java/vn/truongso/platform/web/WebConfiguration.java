package vn.truongso.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/** Vietnamese first: the language is Vietnamese unless the user picks English ({@code ?lang=en}, kept in a cookie). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("TRUONGSO_LANG");
        resolver.setDefaultLocale(BilingualMessages.VIETNAMESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        registry.addInterceptor(change);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
    }

    /**
     * The site's own CSS and JS under content-hashed URLs, webjars under their versioned URLs, all cached for a year.
     * Registered explicitly, instead of Spring Boot's catch-all {@code /**} static mapping, because the URL-rewriting
     * filter then tried to resolve every link a page renders (each student's page, each class) as a classpath
     * resource, and a miss is not cached: half of a list page's CPU went to looking for files that do not exist.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl aYear = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();
        for (String folder : new String[] {"css", "js"}) {
            registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/").setCacheControl(aYear)
                    .resourceChain(true).addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/").setCacheControl(aYear)
                .resourceChain(true);
    }

    static boolean isEnglish(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }
}
