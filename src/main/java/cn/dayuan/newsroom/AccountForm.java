package cn.dayuan.newsroom;

import cn.dayuan.account.Account;
import cn.dayuan.account.Role;
import cn.dayuan.system.InvalidInputException;

/** The account form as typed; the password is only used when creating an account or resetting its password. */
public class AccountForm {

    private String username;
    private String displayName;
    private String email;
    private String password;
    private String role = Role.AUTHOR.name();
    private boolean enabled = true;

    static AccountForm of(Account account) {
        AccountForm form = new AccountForm();
        form.username = account.getUsername();
        form.displayName = account.getDisplayName();
        form.email = account.getEmail();
        form.role = account.getRole().name();
        form.enabled = account.isEnabled();
        return form;
    }

    Role roleValue() {
        try {
            return Role.valueOf(role == null ? "" : role.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "account.role.required");
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
