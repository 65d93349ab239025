/**
 * Web support other modules may use: bilingual messages for errors and the API's problem format.
 */
@org.springframework.modulith.NamedInterface("web")
package vn.truongso.platform.web;
