/**
 * The question records every format and type shares. Other modules (the testing engine) read them: a question's
 * definition, a student's {@link vn.truongso.questions.model.Response} and its {@link vn.truongso.questions.model.Score}.
 */
@org.springframework.modulith.NamedInterface("model")
package vn.truongso.questions.model;
