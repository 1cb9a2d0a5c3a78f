/**
 * What the table lists. A recommended package that many packages recommend is a general tool
 * (make, gcc, openssh-client, build-essential, python3-dev); one that a single package
 * recommends is that package's own add-on (a science suite's viewer, a blend's members), and
 * listing the programs of every such add-on would multiply the table's size for installs that
 * Dockerfiles seldom make. Such roots are left out; a package that has some is marked
 * `partial`, so a caller can keep the recommends rather than guess, and a package that has only
 * such roots is left out of the table.
 */

/**
 * Packages no Dockerfile needs a recommended program of: a container runs the host's kernel
 * (Ubuntu's -updates list hundreds of linux-image packages, each recommending grub and an
 * initramfs generator), and documentation packages recommend their viewers.
 */
const SECTIONS_LEFT_OUT = new Set(['kernel', 'doc']);

/** Whether the table leaves out package `pkg` of `archive` for its section. */
export function leftOutForSection(archive, pkg) {
  return SECTIONS_LEFT_OUT.has(archive.packages.get(pkg)?.section);
}

/**
 * `lossesByRelease`: release → (package → roots, from lostWithoutRecommends). A root is listed
 * when at least `minRecommenders` packages recommend it in some release: how widely a tool is
 * recommended is the tool's own property, and one release's count should not drop it from
 * another (automake: 6 recommenders in bookworm, 4 in noble). Returns release → (package → `{
 * roots, partial }`) for the packages with at least one listed root.
 */
export function selectRoots(lossesByRelease, minRecommenders) {
  const listed = new Set();
  for (const losses of lossesByRelease.values()) {
    const recommenders = new Map();
    for (const roots of losses.values())
      for (const { name } of roots) recommenders.set(name, (recommenders.get(name) ?? 0) + 1);
    for (const [name, count] of recommenders) if (count >= minRecommenders) listed.add(name);
  }
  const selected = new Map();
  for (const [release, losses] of lossesByRelease) {
    const answers = new Map();
    for (const [pkg, roots] of losses) {
      const kept = roots.filter((root) => listed.has(root.name));
      if (kept.length > 0) answers.set(pkg, { roots: kept, partial: kept.length < roots.length });
    }
    selected.set(release, answers);
  }
  return selected;
}
