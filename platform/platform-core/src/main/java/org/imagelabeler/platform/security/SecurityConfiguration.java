package org.imagelabeler.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.imagelabeler.platform.database.Database;
import org.imagelabeler.platform.datadir.DataDirectory;
import org.imagelabeler.platform.extension.ExtensionRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One security set-up for every endpoint. Browsers sign in with the form at {@code /web/login}
 * (a session, CSRF-protected); programs and OGC clients send HTTP Basic or an API token with each
 * request. {@code /rest/**} needs a signed-in user; OGC endpoints admit anonymous requests and
 * leave the decision to the {@link AccessPolicy}, layer by layer.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserRepository userRepository(Database database, TransactionTemplate tx) {
        return new UserRepository(database, tx);
    }

    @Bean
    ApiTokenRepository apiTokenRepository(Database database) {
        return new ApiTokenRepository(database);
    }

    @Bean
    ApiTokens apiTokens(ApiTokenRepository tokens, UserRepository users) {
        return new ApiTokens(tokens, users);
    }

    @Bean
    CachingPasswordAuthenticationProvider passwordAuthenticationProvider(
            UserRepository users, PasswordEncoder encoder) {
        var dao = new DaoAuthenticationProvider(new DatabaseUserDetailsService(users));
        dao.setPasswordEncoder(encoder);
        return new CachingPasswordAuthenticationProvider(dao);
    }

    @Bean
    AuthenticationManager authenticationManager(CachingPasswordAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    @Bean
    UserAccounts userAccounts(
            UserRepository users, PasswordEncoder encoder, CachingPasswordAuthenticationProvider cache) {
        return new UserAccounts(users, encoder, cache);
    }

    @Bean
    LayerAccessRules layerAccessRules(DataDirectory dataDir) {
        return new LayerAccessRules(dataDir.security());
    }

    @Bean
    AccessPolicy accessPolicy(ExtensionRegistry extensions) {
        return new RuleBasedAccessPolicy(() -> extensions.extensions(AccessRule.class));
    }

    @Bean
    ProblemAuthenticationEntryPoint problemAuthenticationEntryPoint() {
        return new ProblemAuthenticationEntryPoint();
    }

    @Bean
    SecurityFilterChain platformSecurityFilterChain(
            HttpSecurity http,
            AuthenticationManager authenticationManager,
            ApiTokens tokens,
            ProblemAuthenticationEntryPoint problems,
            org.springframework.beans.factory.ObjectProvider<PublicReadPaths> publicReads)
            throws Exception {
        String[] readable =
                publicReads.orderedStream().flatMap(p -> p.patterns().stream()).toArray(String[]::new);
        RequestMatcher web = SecurityConfiguration::isWebPage;
        var requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(web);
        http.authenticationManager(authenticationManager)
                // plain path matchers: the default ones ask Spring MVC's handler mappings on every
                // request, a cost that showed in the tile benchmark
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(paths(null, "/rest/about/**")).permitAll();
                    if (readable.length > 0) {
                        a.requestMatchers(paths(org.springframework.http.HttpMethod.GET, readable))
                                .permitAll();
                    }
                    a.requestMatchers(paths(null, "/rest/**"))
                            .authenticated()
                            .requestMatchers(paths(null, "/web/login", "/web/wicket/resource/**"))
                            .permitAll()
                            .requestMatchers(paths(null, "/web", "/web/**"))
                            .authenticated()
                            .anyRequest()
                            .permitAll();
                })
                .httpBasic(
                        b -> b.realmName(ProblemAuthenticationEntryPoint.REALM).authenticationEntryPoint(problems))
                .formLogin(f -> f.loginPage("/web/login")
                        .loginProcessingUrl("/web/login")
                        .defaultSuccessUrl("/web/", false)
                        .failureUrl("/web/login?error"))
                .logout(l -> l.logoutUrl("/web/logout").logoutSuccessUrl("/web/login?logout"))
                .requestCache(c -> c.requestCache(requestCache))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/web/login"), web)
                        .defaultAuthenticationEntryPointFor(problems, AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(problems))
                // Only requests riding on a browser session carry ambient authority that a forged
                // cross-site request could abuse (and the login form itself, against login CSRF);
                // Basic and token requests do not, and without a session there is nothing to abuse.
                .csrf(c -> c.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken))
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems), BasicAuthenticationFilter.class);
        return http.build();
    }

    static boolean needsCsrfToken(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && (request.getRequestedSessionId() != null || isWebPage(request));
    }

    private static RequestMatcher[] paths(org.springframework.http.HttpMethod method, String... patterns) {
        var builder = org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults();
        return java.util.Arrays.stream(patterns)
                .map(p -> builder.matcher(method, p))
                .toArray(RequestMatcher[]::new);
    }

    private static boolean isWebPage(HttpServletRequest request) {
        String path = path(request);
        return path.equals("/web") || path.startsWith("/web/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
