package vn.truongso.platform.security;

import java.io.IOException;
import java.util.LinkedHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.web.BilingualMessages;

/** Writes an RFC 9457 problem for errors raised before a controller runs (401, 403 from the filter chain). */
@Component
class ApiErrorWriter {

    private final BilingualMessages messages;
    private final JsonMapper json;

    ApiErrorWriter(BilingualMessages messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String code) throws IOException {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", messages.en("status." + status));
        body.put("status", status);
        body.put("detail", messages.vi(code));
        body.put("detailEn", messages.en(code));
        body.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
