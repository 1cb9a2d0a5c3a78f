FROM alpine
RUN echo hi
CMD ["sh"]
