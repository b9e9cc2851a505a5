// Types for the type check only: the server serves node_modules/graphql-ws/dist at this path.
export * from "graphql-ws";
