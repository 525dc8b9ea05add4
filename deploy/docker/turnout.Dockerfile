# syntax=docker/dockerfile:1
# The turnout service. Build from the repository root:
#   docker build -f deploy/docker/turnout.Dockerfile -t voting-ledger/turnout .
# The six service Dockerfiles differ only in the service name and port; deploy-assets.unit.spec.ts
# keeps them in step.

# Stage 1: the whole workspace toolchain compiles the service and libs/ to CommonJS in dist/.
FROM node:24.21.0-bookworm-slim AS build
# the npm that ./vl pins (NPM_VERSION there) wrote package-lock.json; the image's own npm may refuse it
ARG NPM_VERSION=10.9.4
WORKDIR /app
RUN --mount=type=cache,target=/root/.npm npm install --global --no-audit --no-fund npm@${NPM_VERSION}
COPY package.json package-lock.json ./
# install scripts stay off: the dev tools' scripts only build optional extras (swc's binary is a package)
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json .swcrc.build.json ./
COPY deploy/docker/build-service.sh deploy/docker/build-service.sh
COPY libs libs
COPY services/turnout services/turnout
RUN bash deploy/docker/build-service.sh turnout dist

# Stage 2: production dependencies and the compiled code, nothing else, run as a non-root user.
FROM node:24.21.0-bookworm-slim AS runtime
ARG NPM_VERSION=10.9.4
ENV NODE_ENV=production
WORKDIR /app
RUN --mount=type=cache,target=/root/.npm npm install --global --no-audit --no-fund npm@${NPM_VERSION}
COPY package.json package-lock.json ./
# no production dependency has an install script (deploy-assets.unit.spec.ts checks the lockfile)
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY --from=build /app/dist dist
# the application files stay root-owned and read-only for the process
USER node
ENV HOST=0.0.0.0 PORT=3002 NODE_OPTIONS=--enable-source-maps
EXPOSE 3002
# liveness only: readiness (GET /health, database and broker) is the orchestrator's probe
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3002) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/services/turnout/src/main.js"]
