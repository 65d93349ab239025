package vn.truongso.platform.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.truongso.platform.CurrentUser;

/** The sign-in form; Spring Security's form login handles its POST ({@code username}, {@code password}). */
@Controller
class SignInPage {

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String locked,
            @RequestParam(required = false) String logout, Model model) {
        if (CurrentUser.find().isPresent() && error == null && locked == null) {
            return "redirect:/";
        }
        model.addAttribute("error", error != null);
        model.addAttribute("locked", locked != null);
        model.addAttribute("loggedOut", logout != null);
        return "login";
    }
}
