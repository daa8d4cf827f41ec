package cn.dayuan.api;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.dayuan.account.Account;
import cn.dayuan.account.AccountService;
import cn.dayuan.account.ApiToken;
import cn.dayuan.account.ApiTokenService;
import cn.dayuan.account.Role;
import cn.dayuan.system.ForbiddenException;
import cn.dayuan.system.InvalidInputException;

/**
 * Newsroom accounts (administrators only), the signed-in account ({@code /me}) and its personal API tokens.
 * Password hashes never leave the server; a token's secret is shown once, in the answer that creates it.
 */
@RestController
class AccountApiController {

    private final AccountService accounts;
    private final ApiTokenService tokens;
    private final ApiFormat format;

    AccountApiController(AccountService accounts, ApiTokenService tokens, ApiFormat format) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.format = format;
    }

    /**
     * Create: {@code username}, {@code password} and {@code role} are required. Update: {@code username} cannot
     * change, a left-out {@code password} or {@code enabled} keeps the current one.
     */
    record AccountRequest(String username, String displayName, String email, String password, Role role,
                          Boolean enabled) {
    }

    record AccountResponse(long id, String username, String displayName, String email, Role role, boolean enabled,
                           OffsetDateTime createdAt, OffsetDateTime lastLoginAt) {
    }

    record TokenRequest(String name) {
    }

    /** {@code token} is the secret itself: only in the answer to POST, never again. */
    record TokenResponse(long id, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
                         String token) {
    }

    @GetMapping("/api/v1/me")
    AccountResponse me(Principal principal) {
        return response(signedIn(principal));
    }

    @GetMapping("/api/v1/accounts")
    List<AccountResponse> list() {
        return accounts.findAll().stream().map(this::response).toList();
    }

    @GetMapping("/api/v1/accounts/{id}")
    AccountResponse get(@PathVariable long id) {
        return response(accounts.get(id));
    }

    @PostMapping("/api/v1/accounts")
    ResponseEntity<AccountResponse> create(@RequestBody AccountRequest request) {
        Account created = accounts.create(request.username(), request.displayName(), request.email(),
                request.password(), request.role());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.getId()).toUri()).body(response(created));
    }

    @PutMapping("/api/v1/accounts/{id}")
    AccountResponse update(@PathVariable long id, @RequestBody AccountRequest request) {
        Account current = accounts.get(id);
        if (request.username() != null && !request.username().equals(current.getUsername())) {
            throw new InvalidInputException("username", "api.account.username.fixed");
        }
        boolean enabled = request.enabled() == null ? current.isEnabled() : request.enabled();
        return response(accounts.update(id, request.displayName(), request.email(), request.role(), enabled,
                request.password()));
    }

    /** The signed-in account's tokens, newest first, without their secrets. */
    @GetMapping("/api/v1/tokens")
    List<TokenResponse> tokens(Principal principal) {
        return tokens.findByAccount(signedIn(principal).getId()).stream().map(t -> token(t, null)).toList();
    }

    @PostMapping("/api/v1/tokens")
    ResponseEntity<TokenResponse> createToken(@RequestBody TokenRequest request, Principal principal) {
        ApiTokenService.IssuedToken issued = tokens.issue(signedIn(principal).getId(), request.name());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(issued.token().getId()).toUri()).body(token(issued.token(), issued.plainText()));
    }

    /** Revokes one of the signed-in account's tokens; other accounts' tokens are 404. */
    @DeleteMapping("/api/v1/tokens/{id}")
    ResponseEntity<Void> revokeToken(@PathVariable long id, Principal principal) {
        tokens.revoke(signedIn(principal).getId(), id);
        return ResponseEntity.noContent().build();
    }

    private Account signedIn(Principal principal) {
        return accounts.findByUsername(principal.getName())
                .orElseThrow(() -> new ForbiddenException("api.account.disabled"));
    }

    private AccountResponse response(Account a) {
        return new AccountResponse(a.getId(), a.getUsername(), a.getDisplayName(), a.getEmail(), a.getRole(),
                a.isEnabled(), format.time(a.getCreatedAt()), format.time(a.getLastLoginAt()));
    }

    private TokenResponse token(ApiToken t, String secret) {
        return new TokenResponse(t.getId(), t.getName(), t.getTokenPrefix(), format.time(t.getCreatedAt()),
                format.time(t.getLastUsedAt()), secret);
    }
}
