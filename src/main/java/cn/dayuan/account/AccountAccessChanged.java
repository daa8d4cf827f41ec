package cn.dayuan.account;

/**
 * What an account may do changed (its role, whether it is enabled, or its password), so the sessions opened before
 * must not keep the old powers. Published by {@link AccountService} inside the change's transaction.
 *
 * @param username           the account
 * @param byItsOwnerInSession the owner changed their own password in the current request's session, which stays
 *                            signed in; every other session of the account ends
 */
public record AccountAccessChanged(String username, boolean byItsOwnerInSession) {
}
