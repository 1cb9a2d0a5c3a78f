FROM alpine
RUN echo from as run
