package cn.dayuan.account;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.dayuan.system.AuditEvent;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.PlainText;

/** Newsroom accounts: the only way accounts are created, changed and looked up. */
@Service
@Transactional(readOnly = true)
public class AccountService {

    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.-]{2,49}");
    public static final int MIN_PASSWORD_LENGTH = 8;
    public static final int MAX_PASSWORD_BYTES = 72;

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;

    private final Permissions permissions;

    AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
                   Permissions permissions) {
        this.permissions = permissions;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
    }

    public List<Account> findAll() {
        permissions.require(Role.ADMIN);
        return accounts.findAllByOrderByIdAsc();
    }

    public Optional<Account> findByUsername(String username) {
        return accounts.findByUsername(username);
    }

    public Account get(long id) {
        permissions.require(Role.ADMIN);
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("account.not-found", id));
    }

    public boolean isEmpty() {
        return accounts.count() == 0;
    }

    @Transactional
    public Account create(String username, String displayName, String email, String rawPassword, Role role) {
        permissions.require(Role.ADMIN);
        String name = username == null ? "" : username.trim();
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidInputException("username", "account.username.invalid");
        }
        if (accounts.existsByUsername(name)) {
            throw new ConflictException("account.username.taken", name);
        }
        checkPassword(rawPassword, name);
        Account account = accounts.save(new Account(name, displayNameOrUsername(displayName, name),
                blankToNull(email), passwordEncoder.encode(rawPassword), requireRole(role)));
        events.publishEvent(AuditEvent.of(null, "account.create", object(account)).with("role", null, role));
        return account;
    }

    /** Changes profile, role and whether the account is enabled; see {@link #update(long, String, String, Role, boolean, String)}. */
    @Transactional
    public Account update(long id, String displayName, String email, Role role, boolean enabled) {
        permissions.require(Role.ADMIN);
        return update(id, displayName, email, role, enabled, null);
    }

    /**
     * Changes profile, role, enabled and (when {@code newPassword} is not empty) the password in one step, so a
     * bad password leaves nothing changed. Refused if it would leave the site without an enabled administrator.
     */
    @Transactional
    public Account update(long id, String displayName, String email, Role role, boolean enabled, String newPassword) {
        permissions.require(Role.ADMIN);
        boolean changesPassword = newPassword != null && !newPassword.isEmpty();
        Account account = get(id);
        if (changesPassword) {
            checkPassword(newPassword, account.getUsername());
        }
        Role newRole = requireRole(role);
        if (account.getRole() == Role.ADMIN && (newRole != Role.ADMIN || !enabled)) {
            List<Account> admins = accounts.lockEnabledAdmins();
            if (admins.stream().noneMatch(a -> !a.getId().equals(account.getId()))) {
                throw new ConflictException("account.last-admin");
            }
        }
        String shownName = displayNameOrUsername(displayName, account.getUsername());
        AuditEvent audit = AuditEvent.of(null, "account.update", object(account))
                .with("displayName", account.getDisplayName(), shownName)
                .with("email", account.getEmail(), blankToNull(email))
                .with("role", account.getRole(), newRole)
                .with("enabled", account.isEnabled(), enabled);
        boolean renamed = !shownName.equals(account.getDisplayName());
        boolean accessChanged = newRole != account.getRole() || enabled != account.isEnabled() || changesPassword;
        account.update(shownName, blankToNull(email), newRole, enabled);
        if (changesPassword) {
            account.changePasswordHash(passwordEncoder.encode(newPassword));
            audit = audit.with("password", "", "已重设");
        }
        if (renamed) {
            // Article pages name their publisher.
            events.publishEvent(ContentChangedEvent.of(PageKeys.publisher(account.getUsername())));
        }
        if (accessChanged) {
            events.publishEvent(new AccountAccessChanged(account.getUsername(), false));
        }
        events.publishEvent(audit);
        return account;
    }

    @Transactional
    public void changePassword(long id, String rawPassword) {
        permissions.require(Role.ADMIN);
        Account account = get(id);
        checkPassword(rawPassword, account.getUsername());
        account.changePasswordHash(passwordEncoder.encode(rawPassword));
        events.publishEvent(new AccountAccessChanged(account.getUsername(), false));
        events.publishEvent(AuditEvent.of(null, "account.password", object(account)));
    }

    /** A user changes their own password; the current one must be given, so a borrowed session is not enough. */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        Account account = accounts.findByUsername(username)
                .orElseThrow(() -> new NotFoundException("account.not-found", username));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new InvalidInputException("currentPassword", "account.current-password.wrong");
        }
        checkPassword(newPassword, username);
        account.changePasswordHash(passwordEncoder.encode(newPassword));
        events.publishEvent(new AccountAccessChanged(username, true));
        events.publishEvent(AuditEvent.of(username, "account.password", object(account)));
    }

    @Transactional
    public void recordLogin(String username) {
        accounts.findByUsername(username).ifPresent(Account::recordLogin);
        events.publishEvent(AuditEvent.of(username, "login", "login:newsroom"));
    }

    private static String object(Account account) {
        return "account:" + account.getUsername();
    }

    private static void checkPassword(String rawPassword, String username) {
        if (rawPassword == null || rawPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("password", "account.password.too-short", MIN_PASSWORD_LENGTH);
        }
        String weakness = WeakPasswords.weakness(rawPassword, username);
        if (weakness != null) {
            throw new InvalidInputException("password", weakness);
        }
        // BCrypt reads 72 bytes at most, and refuses more rather than ignore them: say so instead of failing.
        if (rawPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidInputException("password", "account.password.too-long", MAX_PASSWORD_BYTES);
        }
    }

    private static Role requireRole(Role role) {
        if (role == null) {
            throw new InvalidInputException("role", "account.role.required");
        }
        return role;
    }

    private static String displayNameOrUsername(String displayName, String username) {
        String trimmed = displayName == null ? "" : PlainText.clean(displayName).trim();
        if (trimmed.length() > 100) {
            throw new InvalidInputException("displayName", "account.display-name.too-long");
        }
        return trimmed.isEmpty() ? username : trimmed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
