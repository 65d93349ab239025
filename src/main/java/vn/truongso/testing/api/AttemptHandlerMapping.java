package vn.truongso.testing.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds the handler of an attempt endpoint (the exam's hot path: 40 answer saves per student) among those endpoints
 * alone. The application's own mapping, asked first otherwise, compares a path with variables against every one of its
 * few hundred mappings: measured in an exam burst, that lookup cost more CPU than the answer save itself. Anything
 * else falls through to the application's mapping; the handlers found are the same {@link AttemptApi} methods, so
 * argument binding and the API's error answers are unchanged.
 */
@Component
class AttemptHandlerMapping implements HandlerMapping, Ordered, ApplicationContextAware, SmartInitializingSingleton {

    private final RequestMappingHandlerMapping attemptEndpoints = new RequestMappingHandlerMapping() {
        @Override
        protected boolean isHandler(Class<?> beanType) {
            return AttemptApi.class.isAssignableFrom(beanType);
        }
    };

    @Override
    public void setApplicationContext(ApplicationContext context) {
        attemptEndpoints.setApplicationContext(context);
    }

    @Override
    public void afterSingletonsInstantiated() {
        attemptEndpoints.afterPropertiesSet();
    }

    @Override
    public HandlerExecutionChain getHandler(HttpServletRequest request) throws Exception {
        return request.getRequestURI().startsWith("/api/v1/attempts") ? attemptEndpoints.getHandler(request) : null;
    }

    @Override
    public boolean usesPathPatterns() {
        return true;
    }

    @Override
    public int getOrder() {
        // Before the application's request mappings (order 0) and the functional routes (-1).
        return -10;
    }
}
