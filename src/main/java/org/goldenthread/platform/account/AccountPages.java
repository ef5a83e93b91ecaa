package org.goldenthread.platform.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.SignedIn;
import org.goldenthread.platform.Tenant;
import org.goldenthread.platform.tenancy.Tenants;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages for one's own account and tokens, and for administrators managing users. */
@Controller
class AccountPages {

    private static final FormPage ACCOUNT = new FormPage("platform/account");
    private static final FormPage NEW_USER = new FormPage("platform/user-new");

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final Tenants tenants;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    AccountPages(Accounts accounts, ApiTokens tokens, Tenants tenants) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.tenants = tenants;
    }

    record UserForm(String email, String displayName, String role, String ics, String places) {

        static UserForm empty() {
            return new UserForm("", "", "", "", "");
        }

        NewUser toRequest() {
            List<String> placeList = places == null || places.isBlank()
                    ? List.of()
                    : Arrays.stream(places.split("[,\\n]"))
                            .map(String::trim)
                            .filter(s -> !s.isEmpty())
                            .toList();
            return new NewUser(email, displayName, null, role, ics, placeList);
        }
    }

    /** One's own password changed: the one in use, and the new one. */
    record PasswordChange(String current, String password) {

        /** Passwords are never shown again, so the form comes back empty. */
        static PasswordChange blank() {
            return new PasswordChange("", "");
        }
    }

    /** An API token to issue, named for what will use it. */
    record NewToken(String name) {}

    // ---- one's own account

    @SignedIn
    @GetMapping("/account")
    String account(Model model) {
        return ACCOUNT.show(withTokens(model), PasswordChange.blank());
    }

    private Model withTokens(Model model) {
        model.addAttribute("tokens", tokens.of(Scope.currentCaller().userId()));
        return model;
    }

    @SignedIn
    @PostMapping("/account/password")
    String changePassword(
            PasswordChange form,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            Caller caller = Scope.currentCaller();
            int epoch = accounts.changeOwnPassword(caller.userId(), form.current(), form.password());
            // every other session has ended; this one carries on under a new id and the new epoch
            request.changeSessionId();
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    new SignedInUser(caller.userId(), caller.email(), epoch), null, List.of()));
            SecurityContextHolder.setContext(context);
            sessions.saveContext(context, request, response);
            redirect.addFlashAttribute(
                    "success",
                    "Your password was changed. You have been signed out everywhere"
                            + " else, and your API tokens were revoked.");
            return "redirect:/account";
        } catch (InvalidInput e) {
            return ACCOUNT.showAgain(withTokens(model), PasswordChange.blank(), e);
        }
    }

    /** The new token is shown on the page that answers, once: it is not kept anywhere it could be read again. */
    @SignedIn
    @PostMapping("/account/tokens")
    String createToken(NewToken form, Model model) {
        try {
            model.addAttribute("issued", tokens.issue(Scope.currentCaller().userId(), form.name()));
        } catch (InvalidInput e) {
            return ACCOUNT.showAgain(withTokens(model), form, e);
        }
        return account(model);
    }

    @SignedIn
    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(Scope.currentCaller().userId(), id);
        redirect.addFlashAttribute("success", "The token was revoked. Anything using it can no longer call the API.");
        return "redirect:/account";
    }

    // ---- users of one ICS, for its administrators

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/users")
    String members(@PathVariable String ods, Model model) {
        model.addAttribute("members", accounts.membersOf(Scope.currentTenant()));
        return "platform/users";
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/users/new")
    String newMember(@PathVariable String ods, Model model) {
        return NEW_USER.show(userPage(model), UserForm.empty());
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/users/new")
    String createMember(@PathVariable String ods, UserForm form, Model model, RedirectAttributes redirect) {
        try {
            Accounts.Granted granted = accounts.grant(form.toRequest(), Scope.currentTenant());
            tellAbout(granted, form, redirect);
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/users/"
                    + granted.member().account().id();
        } catch (InvalidInput e) {
            return NEW_USER.showAgain(userPage(model), form, e);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/users/{id}")
    String member(@PathVariable String ods, @PathVariable long id, Model model) {
        Tenant tenant = Scope.currentTenant();
        model.addAttribute("member", accounts.memberOf(tenant, id));
        model.addAttribute("base", "/ics/" + tenant.odsCode() + "/users");
        model.addAttribute("canSendLink", accounts.mayResetWithin(id, tenant));
        return "platform/user";
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/users/{id}/password")
    String sendLink(@PathVariable String ods, @PathVariable long id, RedirectAttributes redirect) {
        AccountLinks.Handover handover = accounts.sendPasswordLink(id, Scope.currentTenant());
        tellAbout(handover, redirect);
        return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/users/" + id;
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/users/{id}/roles/{role}/remove")
    String removeRoleHere(
            @PathVariable String ods, @PathVariable long id, @PathVariable String role, RedirectAttributes redirect) {
        Tenant tenant = Scope.currentTenant();
        Accounts.Member member = accounts.memberOf(tenant, id);
        accounts.removeRole(id, role, null, tenant);
        redirect.addFlashAttribute(
                "success",
                member.account().email() + " no longer has the role "
                        + Role.fromCode(role).map(Role::label).orElse(role) + " in " + tenant.name() + ".");
        boolean rolesLeftHere = member.grants().size() > 1;
        return "redirect:/ics/" + tenant.odsCode() + "/users" + (rolesLeftHere ? "/" + id : "");
    }

    // ---- every user, for platform administrators

    @Allowed(Role.PLATFORM_ADMIN)
    @GetMapping("/admin/users")
    String allUsers(Model model) {
        model.addAttribute("members", accounts.all());
        return "platform/users";
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        return NEW_USER.show(userPage(model), UserForm.empty());
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @PostMapping("/admin/users/new")
    String createUser(UserForm form, Model model, RedirectAttributes redirect) {
        try {
            Accounts.Granted granted = accounts.grant(form.toRequest(), null);
            tellAbout(granted, form, redirect);
            return "redirect:/admin/users/" + granted.member().account().id();
        } catch (InvalidInput e) {
            return NEW_USER.showAgain(userPage(model), form, e);
        }
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @GetMapping("/admin/users/{id}")
    String user(@PathVariable long id, Model model) {
        model.addAttribute("member", accounts.resettable(id, null));
        model.addAttribute("base", "/admin/users");
        model.addAttribute("canSendLink", true);
        return "platform/user";
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @PostMapping("/admin/users/{id}/password")
    String adminSendLink(@PathVariable long id, RedirectAttributes redirect) {
        tellAbout(accounts.sendPasswordLink(id, null), redirect);
        return "redirect:/admin/users/" + id;
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @PostMapping("/admin/users/{id}/roles/{role}/remove")
    String removeRole(
            @PathVariable long id,
            @PathVariable String role,
            @RequestParam(required = false) String ics,
            RedirectAttributes redirect) {
        accounts.removeRole(id, role, ics, null);
        redirect.addFlashAttribute(
                "success",
                "The role " + Role.fromCode(role).map(Role::label).orElse(role)
                        + (ics == null || ics.isBlank() ? "" : " in " + ics) + " was removed.");
        return "redirect:/admin/users/" + id;
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @PostMapping("/admin/users/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        accounts.setDisabled(id, true);
        redirect.addFlashAttribute("success", "The account was switched off. Its sessions and API tokens have ended.");
        return "redirect:/admin/users/" + id;
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @PostMapping("/admin/users/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        accounts.setDisabled(id, false);
        redirect.addFlashAttribute(
                "success", "The account was switched back on. Its old sessions and tokens stay ended.");
        return "redirect:/admin/users/" + id;
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @PostMapping("/admin/users/{id}/end-sessions")
    String endSessions(@PathVariable long id, RedirectAttributes redirect) {
        accounts.endSessions(id);
        redirect.addFlashAttribute(
                "success", "Every session of this account has ended and its API tokens are revoked.");
        return "redirect:/admin/users/" + id;
    }

    /** What the administrator needs to know after giving a role, as a message on the next page. */
    private static void tellAbout(Accounts.Granted granted, UserForm form, RedirectAttributes redirect) {
        String email = granted.member().account().email();
        String role = Role.fromCode(form.role()).map(Role::label).orElse(form.role());
        StringBuilder text = new StringBuilder(email + " now has the role " + role + ".");
        if (granted.accountExisted()) {
            text.append(" They already had a Golden Thread account, so they keep signing in as before.");
            text.append(
                    granted.notified()
                            ? " We have emailed them about the new role."
                            : " There is no mail server to tell them, so let them know yourself.");
        } else if (granted.notified()) {
            text.append(" We have emailed them a link to choose their password.");
        }
        redirect.addFlashAttribute("success", text.toString());
        if (granted.handover() != null && granted.handover().link() != null) {
            redirect.addFlashAttribute("handoverLink", granted.handover().link());
        }
    }

    private static void tellAbout(AccountLinks.Handover handover, RedirectAttributes redirect) {
        if (handover.emailed()) {
            redirect.addFlashAttribute("success", "We have emailed them a link to choose a new password.");
        } else {
            redirect.addFlashAttribute("handoverLink", handover.link());
        }
    }

    /** The page for adding a user, but its form: in an ICS, for that ICS; outside, for any. */
    private Model userPage(Model model) {
        Tenant tenant = Scope.current().tenant();
        List<Role> roles = new ArrayList<>(Arrays.asList(Role.values()));
        if (tenant != null) {
            roles.remove(Role.PLATFORM_ADMIN);
        }
        model.addAttribute("roles", roles);
        model.addAttribute(
                "icsOptions",
                tenant == null
                        ? tenants.all().stream().filter(i -> !i.isMerged()).toList()
                        : List.of());
        model.addAttribute("action", tenant == null ? "/admin/users/new" : "/ics/" + tenant.odsCode() + "/users/new");
        return model;
    }
}
