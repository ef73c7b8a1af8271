// Alternative regressions: small patches to an incident's fix, each the way a developer
// might plausibly break it in a later change, without touching the bug switch. The
// switch proves a replay catches the original bug; these prove it catches the bug coming
// back by another path. `npm run regressions` applies each to a scratch copy and runs its
// incident's replay: every one must be caught. One file per incident, named by its id.
import { type IncidentId, incidents } from '../incidents.ts';
import sessionExpiryLoop from './session-expiry-loop.ts';
import login401ReloadLoop from './login-401-reload-loop.ts';
import hmrRemountAuthLoss from './hmr-remount-auth-loss.ts';
import staleJobRehydrate from './stale-job-rehydrate.ts';
import rateLimitCascade from './rate-limit-cascade.ts';
import cancelOnCompleted from './cancel-on-completed.ts';
import wsReconnectChurn from './ws-reconnect-churn.ts';
import pongAsStatus from './pong-as-status.ts';
import pollOutOfOrder from './poll-out-of-order.ts';
import renderFeedbackLoop from './render-feedback-loop.ts';
import routerContextAfterReorder from './router-context-after-reorder.ts';
import restartLogout from './restart-logout.ts';
import corsMissingOnError from './cors-missing-on-error.ts';
import redirectDropsCors from './redirect-drops-cors.ts';
import feedStability from './feed-stability.ts';
import progressPolling403 from './progress-polling-403.ts';
import healthHostAllowlist from './health-host-allowlist.ts';
import lateWrite from './late-write.ts';
import statusVocabulary from './status-vocabulary.ts';
import schemaDrift from './schema-drift.ts';
import migrationNotApplied from './migration-not-applied.ts';
import missingTable from './missing-table.ts';
import stuckAfterInternal401 from './stuck-after-internal-401.ts';
import expiryBeforeFollowUp from './expiry-before-follow-up.ts';
import secretFragmentInLog from './secret-fragment-in-log.ts';
import doubleTrigger from './double-trigger.ts';
import healthCheckCrash from './health-check-crash.ts';
import databaseLoginRefused from './database-login-refused.ts';
import dependencyOutage from './dependency-outage.ts';
import unreachableApiOrigin from './unreachable-api-origin.ts';
import strictModeDoubleEffects from './strict-mode-double-effects.ts';

/** A text replacement in one file. */
export interface Edit {
  /** File to patch, relative to the repository root. */
  file: string;
  /** Text that occurs exactly once in the file (after the entry's earlier edits), and what replaces it. */
  find: string;
  replace: string;
}

export interface Regression {
  /** Short, unique: what the developer did. */
  name: string;
  /** Why someone would write it: the change it pretends to be. */
  story: string;
  /** Applied in order to one scratch copy: a change that spans files or places lists each. */
  edits: [Edit, ...Edit[]];
  /**
   * The one stack mode whose outage reaches the patched line: a stopped service refuses
   * connections in local mode, and its name stops resolving on the container network.
   * In the other mode the runner reports it not run.
   */
  onlyIn?: 'local' | 'containers';
  /**
   * Written blind: by a writer who read only the incident's fix text and the app's code,
   * never the specs or the other regressions, asked for changes a developer might make.
   * `family` is the way the fix's promise is wider than its replay that the change uses.
   */
  blind?: { family: 'longer' | 'second-time' | 'another-way-in' | 'another-channel'; breaks: string };
}

/** A regression with the incident whose replay must catch it. */
export interface IncidentRegression extends Regression {
  incident: IncidentId;
}

const byIncident: { [id in IncidentId]?: readonly Regression[] } = {
  'session-expiry-loop': sessionExpiryLoop,
  'login-401-reload-loop': login401ReloadLoop,
  'hmr-remount-auth-loss': hmrRemountAuthLoss,
  'stale-job-rehydrate': staleJobRehydrate,
  'rate-limit-cascade': rateLimitCascade,
  'cancel-on-completed': cancelOnCompleted,
  'ws-reconnect-churn': wsReconnectChurn,
  'pong-as-status': pongAsStatus,
  'poll-out-of-order': pollOutOfOrder,
  'render-feedback-loop': renderFeedbackLoop,
  'router-context-after-reorder': routerContextAfterReorder,
  'restart-logout': restartLogout,
  'cors-missing-on-error': corsMissingOnError,
  'redirect-drops-cors': redirectDropsCors,
  'feed-stability': feedStability,
  'progress-polling-403': progressPolling403,
  'health-host-allowlist': healthHostAllowlist,
  'late-write': lateWrite,
  'status-vocabulary': statusVocabulary,
  'schema-drift': schemaDrift,
  'migration-not-applied': migrationNotApplied,
  'missing-table': missingTable,
  'stuck-after-internal-401': stuckAfterInternal401,
  'expiry-before-follow-up': expiryBeforeFollowUp,
  'secret-fragment-in-log': secretFragmentInLog,
  'double-trigger': doubleTrigger,
  'health-check-crash': healthCheckCrash,
  'database-login-refused': databaseLoginRefused,
  'dependency-outage': dependencyOutage,
  'unreachable-api-origin': unreachableApiOrigin,
  'strict-mode-double-effects': strictModeDoubleEffects,
};

/** Every regression, in the incidents' catalog order, then each file's. */
export const regressions: readonly IncidentRegression[] = incidents.flatMap(({ id }) =>
  (byIncident[id] ?? []).map((regression) => ({ incident: id, ...regression })),
);
