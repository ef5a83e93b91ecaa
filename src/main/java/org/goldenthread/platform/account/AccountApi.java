package org.goldenthread.platform.account;

import java.util.List;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users, roles and API tokens over the API. */
@RestController
class AccountApi {

    private final Accounts accounts;
    private final ApiTokens tokens;

    AccountApi(Accounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    record TokenRequest(String name) {
    }

    record PasswordReset(String password) {
    }

    @PostMapping("/api/v1/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokens.Issued issue(@RequestBody(required = false) TokenRequest body) {
        return tokens.issue(Scope.currentCaller().userId(), body == null ? null : body.name());
    }

    @GetMapping("/api/v1/tokens")
    List<ApiToken> myTokens() {
        return tokens.of(Scope.currentCaller().userId());
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        tokens.revoke(Scope.currentCaller().userId(), id);
    }

    @GetMapping("/api/v1/admin/users")
    List<MemberView> allUsers() {
        return accounts.all().stream().map(MemberView::of).toList();
    }

    @PostMapping("/api/v1/admin/users")
    @ResponseStatus(HttpStatus.CREATED)
    MemberView grant(@RequestBody NewUser body) {
        return MemberView.of(accounts.grant(body, null));
    }

    @PostMapping("/api/v1/admin/users/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable long id, @RequestBody PasswordReset body) {
        accounts.resetPassword(id, body.password(), null);
    }

    @GetMapping("/api/v1/ics/{ods}/users")
    List<MemberView> members(@PathVariable String ods) {
        Scope.require(Role.ICS_ADMIN);
        return accounts.membersOf(Scope.currentTenant()).stream().map(MemberView::of).toList();
    }

    @GetMapping("/api/v1/ics/{ods}/users/{id}")
    MemberView member(@PathVariable String ods, @PathVariable long id) {
        Scope.require(Role.ICS_ADMIN);
        return MemberView.of(accounts.memberOf(Scope.currentTenant(), id));
    }

    @PostMapping("/api/v1/ics/{ods}/users")
    @ResponseStatus(HttpStatus.CREATED)
    MemberView grantHere(@PathVariable String ods, @RequestBody NewUser body) {
        Scope.require(Role.ICS_ADMIN);
        return MemberView.of(accounts.grant(body, Scope.currentTenant()));
    }

    @PostMapping("/api/v1/ics/{ods}/users/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPasswordHere(@PathVariable String ods, @PathVariable long id, @RequestBody PasswordReset body) {
        Scope.require(Role.ICS_ADMIN);
        accounts.resetPassword(id, body.password(), Scope.currentTenant());
    }
}
