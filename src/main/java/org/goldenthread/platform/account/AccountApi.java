package org.goldenthread.platform.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Public;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.SignedIn;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users, roles and API tokens over the API. */
@RestController
class AccountApi {

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final AccountLinks links;

    AccountApi(Accounts accounts, ApiTokens tokens, AccountLinks links) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.links = links;
    }

    /**
     * A role given, with what happened to the account: {@code account_existed} (its holder keeps
     * their own sign-in), {@code emailed} (they were told, or sent their link), and for a new account
     * without a mail server the one-time {@code claim_link} to hand over.
     */
    record GrantedView(
            @JsonUnwrapped MemberView user,
            @JsonProperty("account_existed") boolean accountExisted,
            boolean emailed,
            @JsonProperty("claim_link") @Nullable String claimLink) {

        static GrantedView of(Accounts.Granted granted) {
            return new GrantedView(
                    MemberView.of(granted.member()),
                    granted.accountExisted(),
                    granted.notified(),
                    granted.handover() == null ? null : granted.handover().link());
        }
    }

    /** How a password link reached the person; {@code link} only when it could not be emailed. */
    record LinkView(boolean emailed, @Nullable String link) {

        static LinkView of(AccountLinks.Handover handover) {
            return new LinkView(handover.emailed(), handover.link());
        }
    }

    record Claim(String token, String password) {}

    record TokenRequest(@Nullable String name) {}

    @SignedIn
    @Operation(summary = "Exchange a password for an API token")
    // HTTP Basic is for this call alone; a token may also ask for another token
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "bearer")
    @PostMapping("/api/v1/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokens.Issued issue(@RequestBody(required = false) TokenRequest body) {
        return tokens.issue(Scope.currentCaller().userId(), body == null ? null : body.name());
    }

    @SignedIn
    @Operation(summary = "Your API tokens")
    @GetMapping("/api/v1/tokens")
    List<ApiToken> myTokens() {
        return tokens.of(Scope.currentCaller().userId());
    }

    @SignedIn
    @Operation(summary = "Revoke one of your API tokens")
    @DeleteMapping("/api/v1/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        tokens.revoke(Scope.currentCaller().userId(), id);
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @Operation(summary = "Every account, with its roles")
    @GetMapping("/api/v1/admin/users")
    List<MemberView> allUsers() {
        return accounts.all().stream().map(MemberView::of).toList();
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @Operation(summary = "Give someone a role, creating their account if there is none")
    @PostMapping("/api/v1/admin/users")
    @ResponseStatus(HttpStatus.CREATED)
    GrantedView grant(@RequestBody NewUser body) {
        return GrantedView.of(accounts.grant(body, null));
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @Operation(summary = "Send someone a one-time link to choose a new password")
    @PostMapping("/api/v1/admin/users/{id}/password")
    LinkView resetPassword(@PathVariable long id) {
        return LinkView.of(accounts.sendPasswordLink(id, null));
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @Operation(summary = "Remove a role from an account")
    @DeleteMapping("/api/v1/admin/users/{id}/roles/{role}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeRole(
            @PathVariable long id, @PathVariable String role, @RequestParam(required = false) @Nullable String ics) {
        accounts.removeRole(id, role, ics, null);
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @Operation(summary = "Switch an account off, ending its sessions and tokens")
    @PostMapping("/api/v1/admin/users/{id}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(@PathVariable long id) {
        accounts.setDisabled(id, true);
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @Operation(summary = "Switch an account on again")
    @PostMapping("/api/v1/admin/users/{id}/enable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void enable(@PathVariable long id) {
        accounts.setDisabled(id, false);
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @Operation(summary = "End every session and API token of an account")
    @PostMapping("/api/v1/admin/users/{id}/end-sessions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void endSessions(@PathVariable long id) {
        accounts.endSessions(id);
    }

    /** Anyone holding a one-time link chooses their password with it; no sign-in, the link is the credential. */
    @Public("the one-time link is the credential")
    @Operation(summary = "Choose a password with a one-time link")
    @PostMapping("/api/v1/account-links/use")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void useLink(@RequestBody Claim body) {
        links.use(body.token(), body.password());
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "The people holding roles in this ICS")
    @GetMapping("/api/v1/ics/{ods}/users")
    List<MemberView> members(@PathVariable String ods) {
        return accounts.membersOf(Scope.currentTenant()).stream()
                .map(MemberView::of)
                .toList();
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "One person holding roles in this ICS")
    @GetMapping("/api/v1/ics/{ods}/users/{id}")
    MemberView member(@PathVariable String ods, @PathVariable long id) {
        return MemberView.of(accounts.memberOf(Scope.currentTenant(), id));
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Give someone a role in this ICS")
    @PostMapping("/api/v1/ics/{ods}/users")
    @ResponseStatus(HttpStatus.CREATED)
    GrantedView grantHere(@PathVariable String ods, @RequestBody NewUser body) {
        return GrantedView.of(accounts.grant(body, Scope.currentTenant()));
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Send someone whose roles are all in this ICS a password link")
    @PostMapping("/api/v1/ics/{ods}/users/{id}/password")
    LinkView resetPasswordHere(@PathVariable String ods, @PathVariable long id) {
        return LinkView.of(accounts.sendPasswordLink(id, Scope.currentTenant()));
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Remove a role held in this ICS")
    @DeleteMapping("/api/v1/ics/{ods}/users/{id}/roles/{role}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeRoleHere(@PathVariable String ods, @PathVariable long id, @PathVariable String role) {
        accounts.memberOf(Scope.currentTenant(), id);
        accounts.removeRole(id, role, null, Scope.currentTenant());
    }
}
