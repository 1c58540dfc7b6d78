package pagefields

// MaxQuestionTitle is maxQuestionTitle, for the tests of the titles of
// questions.
const MaxQuestionTitle = maxQuestionTitle
