FROM myregistry.example.com/base:1
WORKDIR C:\app
RUN echo a
RUN echo b
