package vn.truongso.platform.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Two filter chains: the JSON API under {@code /api/v1} (bearer tokens or the browser session, problems as JSON)
 * and the web pages (form sign-in, CSRF on every form, redirects to the sign-in page).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

    /**
     * Hashes of generated temporary passwords. Their 12 random characters from a 56-letter alphabet (~70 bits) protect
     * them, not a work factor: a slow hash exists for passwords people choose. A roster import issues thousands at
     * once (2,000 students and their parents), where bcrypt would spend seconds of CPU for no gain. The account must
     * choose its own password at the first sign-in, and that one is hashed with bcrypt.
     */
    private static final String RANDOM_TEMPORARY = "pbkdf2-temporary";
    private static final PasswordEncoder RANDOM_TEMPORARY_ENCODER =
            new Pbkdf2PasswordEncoder("", 16, 100, Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the algorithm id stored in each hash so the default can change without a reset.
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(), RANDOM_TEMPORARY, RANDOM_TEMPORARY_ENCODER));
    }

    /** The stored form of a generated temporary password (see {@link #RANDOM_TEMPORARY}); only for generated ones. */
    static String hashRandomTemporaryPassword(String generated) {
        return "{" + RANDOM_TEMPORARY + "}" + RANDOM_TEMPORARY_ENCODER.encode(generated);
    }

    /**
     * No observation around each security filter: on the exam's hot path the wrapping cost more than the answer save.
     * HTTP request metrics (one observation per request) stay on.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    @Bean
    ProviderManager authenticationManager(PasswordAuthenticationProvider provider, AuthenticationEventPublisher events) {
        var manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    /**
     * An attempt's own endpoints (testing module) are authorised by the signed attempt token in the X-Attempt-Token
     * header, which the controller checks: no session, account or CSRF lookup on the exam's hot path. A browser never
     * sends that header on its own, so a forged cross-site request carries no authority.
     */
    @Bean
    @Order(0)
    SecurityFilterChain attemptTokenApi(HttpSecurity http) throws Exception {
        return publicAndStateless(http, "/api/v1/attempts", "/api/v1/attempts/**")
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .build();
    }

    /**
     * The exam-ticket entry page (/thi): public, and stateless so that a grade opening it at the same minute creates no
     * browser sessions; the page talks only to the attempt-token endpoints above.
     */
    @Bean
    @Order(0)
    SecurityFilterChain examEntryPage(HttpSecurity http) throws Exception {
        return publicAndStateless(http, "/thi")
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** Paths whose requests carry no sign-in: no session, security context, CSRF token or saved request is touched. */
    private static HttpSecurity publicAndStateless(HttpSecurity http, String... paths) throws Exception {
        return http.securityMatcher(paths)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccountLoader accounts, JdbcClient jdbc, ApiErrorWriter errors) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .addFilterBefore(new ApiTokenAuthenticationFilter(accounts, jdbc, errors), UsernamePasswordAuthenticationFilter.class)
                // CSRF guards the browser session only: a bearer token is never sent by the browser on its own, and a
                // request without a session has no authority a forged request could borrow (it answers 401, not 403).
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        request -> request.getHeader("Authorization") != null || request.getSession(false) == null))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) ->
                                errors.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "error.unauthenticated"))
                        .accessDeniedHandler((request, response, e) ->
                                errors.write(request, response, HttpServletResponse.SC_FORBIDDEN, "error.forbidden")))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        // Question images of a test: the controller authorises by the attempt token or the signed-in user (404 otherwise).
                        .requestMatchers("/testing/media/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(new TemporaryPasswordAwareSuccessHandler())
                        .failureHandler((request, response, e) ->
                                response.sendRedirect(request.getContextPath() + (e instanceof LockedException ? "/login?locked" : "/login?error"))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("TRUONGSO_SESSION"))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
