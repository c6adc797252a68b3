/**
 * The CI files `zerodown init` writes. `GITLAB_JOB` is shared with `docs/gitlab.md`, which copies it verbatim
 * (a test keeps the two identical): change both together. The GitHub workflow has the shape of the README's
 * minimal workflow (docs/action.md: `contents: read` to check out, `pull-requests: write` for the sticky comment).
 */

/** The GitLab CI job (the contract shared with `zerodown gitlab`, docs/gitlab.md). */
export const GITLAB_JOB = `zerodown:
  stage: test
  image: node:20
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  variables:
    GIT_DEPTH: "0"
  script:
    - npx --yes zerodown gitlab
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
`;

/** Where `zerodown init` puts the job when the repository already has a `.gitlab-ci.yml` it must not edit. */
export const GITLAB_INCLUDE_FILE = '.gitlab/zerodown.gitlab-ci.yml';

/** The `include:` entry that pulls `GITLAB_INCLUDE_FILE` into an existing `.gitlab-ci.yml`. */
export const GITLAB_INCLUDE = `include:\n  - local: ${GITLAB_INCLUDE_FILE}\n`;

/** The GitLab file: a header saying what the job does and needs, then the job. */
export function gitlabFile(configFile: string): string {
  return `# zerodown: reviews the migrations each merge request adds or changes (lint, staged plan, dry run on a
# throwaway database), posts one merge-request note it keeps up to date, shows the findings in the merge
# request's Code Quality widget, and fails the job when a finding reaches failOn (${configFile}).
# The note needs a CI/CD variable ZERODOWN_GITLAB_TOKEN: a project access token with the api scope, masked.
# Without it the job still writes the Code Quality report and still fails or passes.
${GITLAB_JOB}`;
}

/** Where each dialect's dry run happens in the workflow, said in its header. */
const SHADOW: Record<string, string> = {
  postgres: 'on an embedded PostgreSQL (PGlite) inside the step',
  mysql: "on the MySQL server GitHub's Ubuntu runners ship (input runner-mysql)",
  mariadb: 'on the throwaway MariaDB of `services:` below',
};

/**
 * MariaDB has no embedded engine and no server on the runner: a `services:` container is the shadow, the shape
 * of docs/mysql.md ("GitHub Actions with MariaDB"), with the production version when init found it.
 */
function mariadbService(version: string): string {
  return `    services:
      mariadb:
        image: mariadb:${version}
        env:
          MARIADB_ROOT_PASSWORD: root
        ports:
          - 3306:3306
        options: >-
          --health-cmd "healthcheck.sh --connect --innodb_initialized"
          --health-interval 5s
          --health-timeout 5s
          --health-retries 20
`;
}

/** The workflow file `.github/workflows/zerodown.yml` for a dialect (`mariadb` gets its shadow server). */
export function githubWorkflow(configFile: string, dialect = 'postgres', version?: string): string {
  const maria = dialect === 'mariadb';
  return `# zerodown: reviews the migrations each pull request adds or changes. It lints them, writes a staged plan
# for the unsafe ones and dry-runs them ${SHADOW[dialect] ?? SHADOW.postgres},
# then posts one sticky comment (kept up to date), annotates the lines and fails the check when a finding
# reaches failOn of ${configFile} (the input fail-on overrides it). Make this job a required check to block the merge.
# Paths, dialect, target version and rules: ${configFile}. Inputs: docs/action.md in zerodown/zerodown.
name: zerodown
on:
  pull_request:

permissions:
  contents: read        # check out the code
  pull-requests: write  # post and update the sticky comment

jobs:
  zerodown:
    runs-on: ubuntu-latest
${maria ? mariadbService(version ?? '10.11') : ''}    steps:
      - uses: actions/checkout@v5
      - uses: zerodown/zerodown@v1
${maria ? '        with:\n          shadow-database-url: mariadb://root:root@127.0.0.1:3306/mysql   # the services: container\n' : ''}`;
}
