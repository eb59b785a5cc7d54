/**
 * Argo CD for the rendered GitOps tree: typed {@code argoproj.io/v1alpha1} models
 * ({@link dev.goldenpath.generators.argocd.ApplicationSet}, {@link dev.goldenpath.generators.argocd.Application},
 * {@link dev.goldenpath.generators.argocd.AppProject}), the generator that renders one locked-down AppProject and
 * ApplicationSet per team and environment plus one pair for the platform folder
 * ({@link dev.goldenpath.generators.argocd.ArgoCd#render}), and the consistency check that evaluates the
 * ApplicationSets against the tree the way the ApplicationSet controller would
 * ({@link dev.goldenpath.generators.argocd.ArgoCd#check}). See {@code docs/argocd.md}.
 */
package dev.goldenpath.generators.argocd;
