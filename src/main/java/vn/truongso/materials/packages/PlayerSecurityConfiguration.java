package vn.truongso.materials.packages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The player's content paths have their own filter chain, ahead of the API and page chains: no session is read or
 * created (the launch token in the path is the only credential, checked by {@link PlayerContent}), no CSRF (the token
 * is the secret a forged request would lack), and the page chain's headers are replaced by the content's own sandbox
 * policy. The frame options header is off because the player page must frame this content; CSP frame-ancestors
 * decides instead.
 */
@Configuration(proxyBeanMethods = false)
class PlayerSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain packagePlayerContent(HttpSecurity http) throws Exception {
        return http.securityMatcher("/play/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(
                        new org.springframework.security.web.context.RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.disable()).cacheControl(cache -> cache.disable()))
                .build();
    }
}
