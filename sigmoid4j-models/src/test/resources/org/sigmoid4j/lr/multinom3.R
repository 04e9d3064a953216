# Reference for MultinomialSummaryTest: R's nnet::multinom on multinom3.csv (class 0 the baseline).
# Regenerate: Rscript multinom3.R > multinom3.nnet.txt   (R 4.2.2, nnet 7.3-18)
library(nnet)
d <- read.csv("multinom3.csv")
d$label <- factor(d$label)
fit <- multinom(label ~ x1 + x2 + x3 + x4, data = d, maxit = 100000, reltol = 1e-16, abstol = 1e-300,
                Hess = TRUE, trace = FALSE)
s <- summary(fit)
cf <- s$coefficients
se <- s$standard.errors
options(digits = 17)
cat("converged", fit$convergence == 0, "\n")
cat("deviance", format(fit$deviance, digits = 17), "\n")
cat("aic", format(fit$AIC, digits = 17), "\n")
for (k in seq_len(nrow(cf))) {
  cat("coef", rownames(cf)[k], format(cf[k, ], digits = 17), "\n")
  cat("se", rownames(cf)[k], format(se[k, ], digits = 17), "\n")
}
