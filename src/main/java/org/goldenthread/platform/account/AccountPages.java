package org.goldenthread.platform.account;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Navigation;
import org.goldenthread.platform.NavigationItem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.goldenthread.platform.tenancy.Tenants;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages for one's own account and tokens, and for administrators managing users. */
@Controller
class AccountPages implements Navigation {

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final Tenants tenants;

    AccountPages(Accounts accounts, ApiTokens tokens, Tenants tenants) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.tenants = tenants;
    }

    @Override
    public List<NavigationItem> itemsFor(Caller caller, Tenant tenant) {
        if (tenant != null) {
            return caller.has(Role.ICS_ADMIN, tenant.id())
                    ? List.of(new NavigationItem(800, "Users", "/ics/" + tenant.odsCode() + "/users")) : List.of();
        }
        return caller.isPlatformAdmin() ? List.of(new NavigationItem(910, "Users", "/admin/users")) : List.of();
    }

    record UserForm(String email, String displayName, String password, String role, String ics, String places) {

        static UserForm empty() {
            return new UserForm("", "", "", "", "", "");
        }

        NewUser toRequest() {
            List<String> placeList = places == null || places.isBlank() ? List.of()
                    : Arrays.stream(places.split("[,\\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            return new NewUser(email, displayName, password, role, ics, placeList);
        }
    }

    // ---- one's own account

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("tokens", tokens.of(Scope.currentCaller().userId()));
        return "platform/account";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(required = false) String current,
                          @RequestParam(required = false) String password, Model model,
                          RedirectAttributes redirect) {
        try {
            accounts.changeOwnPassword(Scope.currentCaller().userId(), current, password);
            redirect.addFlashAttribute("success", "Your password was changed.");
            return "redirect:/account";
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            return account(model);
        }
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam(required = false) String name, Model model) {
        try {
            model.addAttribute("issued", tokens.issue(Scope.currentCaller().userId(), name));
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
        }
        return account(model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(Scope.currentCaller().userId(), id);
        redirect.addFlashAttribute("success", "The token was revoked. Anything using it can no longer call the API.");
        return "redirect:/account";
    }

    // ---- users of one ICS, for its administrators

    @GetMapping("/ics/{ods}/users")
    String members(@PathVariable String ods, Model model) {
        Scope.require(Role.ICS_ADMIN);
        model.addAttribute("members", accounts.membersOf(Scope.currentTenant()));
        return "platform/users";
    }

    @GetMapping("/ics/{ods}/users/new")
    String newMember(@PathVariable String ods, Model model) {
        Scope.require(Role.ICS_ADMIN);
        return userForm(model, UserForm.empty(), List.of());
    }

    @PostMapping("/ics/{ods}/users/new")
    String createMember(@PathVariable String ods, UserForm form, Model model, RedirectAttributes redirect) {
        Scope.require(Role.ICS_ADMIN);
        try {
            Accounts.Member member = accounts.grant(form.toRequest(), Scope.currentTenant());
            redirect.addFlashAttribute("success", member.account().email() + " now has the role "
                    + Role.fromCode(form.role()).map(Role::label).orElse(form.role()) + ".");
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/users";
        } catch (InvalidInput e) {
            return userForm(model, form, e.problems());
        }
    }

    @GetMapping("/ics/{ods}/users/{id}/password")
    String resetForm(@PathVariable String ods, @PathVariable long id, Model model) {
        Scope.require(Role.ICS_ADMIN);
        model.addAttribute("member", accounts.resettable(id, Scope.currentTenant()));
        model.addAttribute("action", "/ics/" + Scope.currentTenant().odsCode() + "/users/" + id + "/password");
        return "platform/user-password";
    }

    @PostMapping("/ics/{ods}/users/{id}/password")
    String reset(@PathVariable String ods, @PathVariable long id, @RequestParam(required = false) String password,
                 Model model, RedirectAttributes redirect) {
        Scope.require(Role.ICS_ADMIN);
        try {
            accounts.resetPassword(id, password, Scope.currentTenant());
            redirect.addFlashAttribute("success", "The password was reset and the account unlocked.");
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/users";
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            return resetForm(ods, id, model);
        }
    }

    // ---- every user, for platform administrators

    @GetMapping("/admin/users")
    String allUsers(Model model) {
        model.addAttribute("members", accounts.all());
        return "platform/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        return userForm(model, UserForm.empty(), List.of());
    }

    @PostMapping("/admin/users/new")
    String createUser(UserForm form, Model model, RedirectAttributes redirect) {
        try {
            Accounts.Member member = accounts.grant(form.toRequest(), null);
            redirect.addFlashAttribute("success", member.account().email() + " now has the role "
                    + Role.fromCode(form.role()).map(Role::label).orElse(form.role()) + ".");
            return "redirect:/admin/users";
        } catch (InvalidInput e) {
            return userForm(model, form, e.problems());
        }
    }

    @GetMapping("/admin/users/{id}/password")
    String adminResetForm(@PathVariable long id, Model model) {
        model.addAttribute("member", accounts.resettable(id, null));
        model.addAttribute("action", "/admin/users/" + id + "/password");
        return "platform/user-password";
    }

    @PostMapping("/admin/users/{id}/password")
    String adminReset(@PathVariable long id, @RequestParam(required = false) String password, Model model,
                      RedirectAttributes redirect) {
        try {
            accounts.resetPassword(id, password, null);
            redirect.addFlashAttribute("success", "The password was reset and the account unlocked.");
            return "redirect:/admin/users";
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            return adminResetForm(id, model);
        }
    }

    private String userForm(Model model, UserForm form, List<org.goldenthread.platform.Problem> problems) {
        Tenant tenant = Scope.current().tenant();
        List<Role> roles = new ArrayList<>(Arrays.asList(Role.values()));
        if (tenant != null) {
            roles.remove(Role.PLATFORM_ADMIN);
        }
        model.addAttribute("form", form);
        model.addAttribute("roles", roles);
        model.addAttribute("problems", problems);
        model.addAttribute("icsOptions", tenant == null ? tenants.all().stream().filter(i -> !i.isMerged()).toList()
                : List.of());
        model.addAttribute("action", tenant == null ? "/admin/users/new" : "/ics/" + tenant.odsCode() + "/users/new");
        return "platform/user-new";
    }
}
