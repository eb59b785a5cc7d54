// The cdk8s-plus side of benchmarks/whole-process.sh's case cdk8s: the platform of WholeProcessSpec (issue 18's
// comparison) written with cdk8s-plus and synthesized to disk. N apps, each in its own namespace (one chart per app), with a
// ServiceAccount, a Deployment of 2 replicas on port 8080, a Service, ingress from the next app in a ring on 8080 and
// a Role reading pods bound to the ServiceAccount.
//
//   node render.mjs N OUTDIR
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';

const count = Number.parseInt(process.argv[2] ?? '5', 10);
const outdir = process.argv[3] ?? 'dist';
const app = new App({ outdir });
const deployments = [];
for (let a = 0; a < count; a++) {
  const name = `app${a}`;
  const chart = new Chart(app, name, { namespace: name });
  new kplus.Namespace(chart, 'namespace', { metadata: { name } });
  const account = new kplus.ServiceAccount(chart, 'account', { metadata: { name }, automountToken: false });
  const deployment = new kplus.Deployment(chart, 'deployment', {
    metadata: { name },
    replicas: 2,
    serviceAccount: account,
    automountServiceAccountToken: false,
    containers: [{
      name,
      image: `registry.example.com/${name}:1.0.0`,
      portNumber: 8080,
    }],
  });
  deployment.exposeViaService({ name, ports: [{ port: 8080, targetPort: 8080 }] });
  const role = new kplus.Role(chart, 'role', { metadata: { name: `${name}-read` } });
  role.allowRead(kplus.ApiResource.PODS);
  role.bind(account);
  deployments.push(deployment);
}
if (count > 1) {
  for (let a = 0; a < count; a++) {
    deployments[a].connections.allowFrom(deployments[(a + 1) % count], { ports: [kplus.NetworkPolicyPort.tcp(8080)] });
  }
}
app.synth();
