import { checkDockerfile } from './dockerfile-check';
import { Dockerfile } from '../../src/docker';

const SHA = 'a'.repeat(64);

function sample(): Dockerfile {
  const file = new Dockerfile({ header: 'built by a test' });
  file.addStage({ from: 'registry.example.com/ops/security-policy-repo:main', name: 'security_policy' });
  const final = file.addStage({ from: 'alpine:3.22.1', comment: 'final stage' });
  final
    .arg('VERSION', '1.0.0')
    .env({ ZED: 'z', ALPHA: 'a b' })
    .label({ 'org.opencontainers.image.version': '1.0.0', 'org.opencontainers.image.source': 'https://x/y' })
    .add({ source: 'https://example.com/tool.tar.gz', destination: '/tmp/tool.tar.gz', sha256: SHA })
    .run(['tar -xzf /tmp/tool.tar.gz -C /tmp', 'rm /tmp/tool.tar.gz'])
    .copy({ from: 'security_policy', sources: ['/repos/security-policy/'], destination: '/repos/security-policy/' })
    .copy({ sources: ['index.json'], destination: '/repos/index.json', chmod: '0444' })
    .user('10001:10001')
    .workdir('/repos');
  return file;
}

describe('Dockerfile', () => {
  test('renders stages and instructions in order, labels and env sorted', () => {
    expect(sample().render()).toBe([
      '# syntax=docker/dockerfile:1.7',
      '# built by a test',
      '',
      'FROM registry.example.com/ops/security-policy-repo:main AS security_policy',
      '',
      '# final stage',
      'FROM alpine:3.22.1',
      'ARG VERSION="1.0.0"',
      'ENV ALPHA="a b" \\',
      '    ZED="z"',
      'LABEL org.opencontainers.image.source="https://x/y" \\',
      '      org.opencontainers.image.version="1.0.0"',
      `ADD --checksum=sha256:${SHA} https://example.com/tool.tar.gz /tmp/tool.tar.gz`,
      'RUN tar -xzf /tmp/tool.tar.gz -C /tmp \\',
      '    && rm /tmp/tool.tar.gz',
      'COPY --from=security_policy /repos/security-policy/ /repos/security-policy/',
      'COPY --chmod=0444 index.json /repos/index.json',
      'USER 10001:10001',
      'WORKDIR /repos',
      '',
    ].join('\n'));
  });

  test('the rendered file parses, validates clean, and every COPY --from names a stage above it', () => {
    const report = checkDockerfile(sample().render());
    expect(report.diagnostics).toEqual([]);
    expect(report.copyFromProblems).toEqual([]);
    expect(report.stages).toEqual(['security_policy']);
    expect(report.instructions).toEqual(['FROM', 'FROM', 'ARG', 'ENV', 'LABEL', 'ADD', 'RUN', 'COPY', 'COPY', 'USER', 'WORKDIR']);
  });

  test('paths with spaces use the JSON array form', () => {
    const file = new Dockerfile();
    file.addStage({ from: 'scratch' }).copy({ sources: ['my dir/'], destination: '/repos/x/' });
    expect(file.render()).toContain('COPY ["my dir/","/repos/x/"]');
    expect(checkDockerfile(file.render()).diagnostics).toEqual([]);
  });

  test('refuses COPY --from a stage declared below, an unknown stage, duplicate names, bad checksums, listing all', () => {
    const file = new Dockerfile();
    const first = file.addStage({ from: 'alpine:3.22.1', name: 'first' });
    first.copy({ from: 'second', sources: ['/a'], destination: '/a' });
    first.copy({ from: 'nowhere', sources: ['/b'], destination: '/b' });
    first.add({ source: 'https://x/y', destination: '/y', sha256: 'abc' });
    file.addStage({ from: 'alpine:3.22.1', name: 'second' });
    file.addStage({ from: 'alpine:3.22.1', name: 'second' });
    file.addStage({ from: 'alpine:3.22.1', name: 'Bad Name' });
    expect(file.validate()).toEqual([
      'stage 1 (first): ADD https://x/y: sha256 "abc" is not 64 lowercase hex characters',
      'stage 1 (first): COPY --from=second names a stage declared below it (stages must be declared before they are copied from)',
      'stage 1 (first): COPY --from=nowhere names no stage declared above it and is not an image reference',
      'stage 3 (second): stage name "second" is declared twice',
      'stage 4 (Bad Name): stage name "Bad Name" must start with a lowercase letter and contain only lowercase letters, digits, \'_\', \'-\' and \'.\'',
    ]);
    expect(() => file.render()).toThrow(/COPY --from=second names a stage declared below it/);
  });

  test('COPY --from an image reference is allowed', () => {
    const file = new Dockerfile();
    file.addStage({ from: 'alpine:3.22.1' }).copy({ from: 'busybox:1.36', sources: ['/bin/busybox'], destination: '/bin/busybox' });
    expect(file.validate()).toEqual([]);
  });

  test('ENV and ARG names are checked', () => {
    const file = new Dockerfile();
    file.addStage({ from: 'alpine:3.22.1' }).env({ '1BAD': 'x' }).arg('a-b');
    expect(file.validate()).toEqual([
      'stage 1: ENV: "1BAD" is not a variable name (letters, digits and \'_\', not starting with a digit)',
      'stage 1: ARG: "a-b" is not a variable name (letters, digits and \'_\', not starting with a digit)',
    ]);
  });
});

describe('checkDockerfile (the independent checker)', () => {
  test('reports a COPY --from naming a stage declared below', () => {
    const report = checkDockerfile('FROM alpine:3.22.1 AS a\nCOPY --from=b /x /x\nFROM alpine:3.22.1 AS b\n');
    expect(report.copyFromProblems).toEqual(['line 2: COPY --from=b names no stage declared above']);
  });
  test('reports dockerfile-utils diagnostics', () => {
    expect(checkDockerfile('FROM alpine:3.22.1\nCOPY\n').diagnostics.length).toBeGreaterThan(0);
  });
});
