// External script of csp-control.html: tells whether eval() is allowed.
try {
  window.ssEvalWorks = (0, eval)("1 + 1") === 2;
} catch (err) {
  window.ssEvalWorks = false;
}
