# expect: the stage runs `useradd`
FROM node:20
RUN useradd -m app
USER app
