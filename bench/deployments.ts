/**
 * The ways Concord can be deployed that the cluster-mode scenarios compare: one process over
 * SQLite (the default), one process over PostgreSQL, and two processes over one PostgreSQL and
 * one Redis (DESIGN.md section 8, cluster mode).
 */
import { assertNever } from "../shared/assertNever";
import type { BenchEngines } from "./engines";
import type { ConcordStore } from "./servers";

/** A deployment of Concord. */
export const Deployment = { sqlite: "sqlite", postgres: "postgres", cluster: "cluster" } as const;
/** A deployment of Concord. */
export type Deployment = (typeof Deployment)[keyof typeof Deployment];

/** Every deployment, in the order of a repeat's first round. */
export const DEPLOYMENTS: readonly Deployment[] = [Deployment.sqlite, Deployment.postgres, Deployment.cluster];

/** Processes of the cluster deployment. */
export const CLUSTER_PROCESSES = 2;

/** How each deployment is named in the report. */
export const DEPLOYMENT_LABELS: Record<Deployment, string> = {
  sqlite: "one process, SQLite",
  postgres: "one process, PostgreSQL",
  cluster: `${CLUSTER_PROCESSES} processes, PostgreSQL + Redis`,
};

/** One deployment's run, for the report's table of runs. */
export interface DeploymentRun {
  scenario: string;
  repeat: number;
  position: number;
  loadBefore: number;
  loadAfter: number;
}

/** The store a deployment starts Concord with. */
export function storeOf(deployment: Deployment, engines: BenchEngines): ConcordStore {
  switch (deployment) {
    case Deployment.sqlite:
      return { kind: "sqlite" };
    case Deployment.postgres:
      return { kind: "postgres", engines };
    case Deployment.cluster:
      return { kind: "cluster", engines, processes: CLUSTER_PROCESSES };
    default:
      return assertNever(deployment);
  }
}

/** Each repeat's deployments: every repeat starts with the next in turn, so that the machine's drift cancels out. */
export function deploymentOrder(deployments: readonly Deployment[], repeat: number): Deployment[] {
  return deployments.map((_, i) => deployments[(i + repeat) % deployments.length]!);
}
