package vn.truongso.questions.model;

/** A pair of a matching question: a prompt and the answer it matches. A pair without a prompt is a distractor. */
public record MatchPair(String id, Content prompt, String answer) {

    public boolean isDistractor() {
        return prompt == null || prompt.isBlank();
    }
}
