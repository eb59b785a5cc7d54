/**
 * Escape hatches that keep the guarantees: customizations of generated objects, extra objects and platform-owned
 * generators ({@link dev.goldenpath.generators.extension.PlatformGenerator}, found through {@code ServiceLoader}).
 * The {@code Renderer} applies them ({@link dev.goldenpath.generators.extension.Extensions}) after generation and
 * before its final checks; what they add is placed and labelled, what they change is checked against what goldenpath
 * owns, and everything is linted, checked for clashes, allowed by the Argo CD projects and admitted by the namespaces'
 * Pod Security levels. See {@code docs/beyond-the-golden-path.md}.
 */
package dev.goldenpath.generators.extension;
