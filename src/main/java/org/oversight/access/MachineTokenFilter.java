package org.oversight.access;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Authorization: Bearer <token>}: an LA's machine token ({@link MachineTokens}). A token that is not known or is
 * revoked gets 401, and counts a failure of the client's address: past {@code oversight.api-tokens.address-free-failures}
 * each further one makes the address wait longer ({@link SignInThrottle}, as a staff sign-in does), and while it waits
 * no token from it is even looked at (429 with {@code Retry-After}). A valid token past
 * {@code oversight.api-tokens.requests-per-minute} gets 429 with {@code Retry-After} until its minute is over; a valid one may only {@code POST /api/v1/local-authorities/{its LA's URN}/children} — any other
 * path or method, or another LA's URN, gets 403 in words. Each such request is recorded with its outcome; an accepted
 * one with what the endpoint stored (its counts) after it answered. In both filter chains, so a token never reaches a
 * page either. Requests without a bearer token pass through untouched.
 */
final class MachineTokenFilter extends OncePerRequestFilter {

    static final Pattern PAYLOAD_PATH = Pattern.compile("^/api/v1/local-authorities/(\\d{1,9})/children/?$");

    private final MachineTokens tokens;
    private final SignInThrottle throttle;
    private final ApiTokenProperties limits;
    private final JsonMapper json;

    MachineTokenFilter(MachineTokens tokens, SignInThrottle throttle, ApiTokenProperties limits, JsonMapper json) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String address = request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr();
        SignInThrottle.Claim claim = throttle.claim(List.of(new SignInThrottle.Key("api-token-ip:" + address, limits.address())));
        if (claim instanceof SignInThrottle.Wait wait) {
            tokens.throttled(address, method, path, wait.seconds());
            response.setHeader("Retry-After", String.valueOf(wait.seconds()));
            problem(response, HttpStatus.TOO_MANY_REQUESTS, "Too many unknown or revoked API tokens were sent from this address: wait "
                    + SignInProperties.words(wait.seconds()) + " before sending a token again", path);
            return;
        }
        SignInThrottle.Attempt attempt = (SignInThrottle.Attempt) claim;
        MachineTokens.Check check;
        try {
            check = tokens.check(header.substring(7).strip(), limits.requestsPerMinute());
        } catch (RuntimeException e) {
            attempt.released();
            throw e;
        }
        if (check instanceof MachineTokens.Refused) {
            attempt.failed();
        } else {
            // A valid token leaves the address's failures as they are (as a right password leaves a staff address's).
            attempt.released();
        }
        if (check instanceof MachineTokens.RateLimited limited) {
            tokens.rateLimited(limited, method, path);
            response.setHeader("Retry-After", String.valueOf(limited.retryAfterSeconds()));
            problem(response, HttpStatus.TOO_MANY_REQUESTS, "This API token has made more than " + limited.requestsPerMinute()
                    + " requests in a minute: wait " + SignInProperties.words(limited.retryAfterSeconds()) + " before the next", path);
            return;
        }
        if (check instanceof MachineTokens.Refused refused) {
            String words = refused.outcome() == MachineTokens.Outcome.REVOKED_TOKEN
                    ? "This API token has been revoked: ask the local authority's Oversight manager for a new one"
                    : "This API token is not known to Oversight: check it was copied whole, or ask the local authority's Oversight manager for a new one";
            tokens.record(refused.outcome(), refused.tokenId(), refused.laId(), method, path, 401, words);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Oversight\", error=\"invalid_token\"");
            problem(response, HttpStatus.UNAUTHORIZED, words, path);
            return;
        }
        MachineClient client = ((MachineTokens.Valid) check).client();
        Matcher m = PAYLOAD_PATH.matcher(path);
        if (!"POST".equals(method) || !m.matches()) {
            String words = "An API token may only send children's social care payloads (POST /api/v1/local-authorities/" + client.laUrn()
                    + "/children); sign in as a person for anything else";
            tokens.record(MachineTokens.Outcome.NOT_ALLOWED, client.tokenId(), client.laId(), method, path, 403, words);
            problem(response, HttpStatus.FORBIDDEN, words, path);
            return;
        }
        if (Integer.parseInt(m.group(1)) != client.laUrn()) {
            String words = "This API token belongs to the local authority with the URN " + client.laUrn() + ", not " + m.group(1)
                    + ": a token may only send its own local authority's children";
            tokens.record(MachineTokens.Outcome.OTHER_LA, client.tokenId(), client.laId(), method, path, 403, words);
            problem(response, HttpStatus.FORBIDDEN, words, path);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        PreAuthenticatedAuthenticationToken auth = new PreAuthenticatedAuthenticationToken(client, "", client.authorities());
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            int status = response.getStatus();
            Object summary = request.getAttribute(MachineClient.SUMMARY_ATTRIBUTE);
            tokens.record(status < 400 ? MachineTokens.Outcome.ACCEPTED : MachineTokens.Outcome.REFUSED_PAYLOAD, client.tokenId(), client.laId(),
                    method, path, status, summary == null ? "" : summary.toString());
            SecurityContextHolder.clearContext();
        }
    }

    private void problem(HttpServletResponse res, HttpStatus status, String detail, String path) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(path));
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(res.getOutputStream(), problem);
    }
}
