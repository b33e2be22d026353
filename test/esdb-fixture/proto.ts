/**
 * The wire types of EventStoreDB's gRPC API, taken from the generated code that
 * @eventstore/db-client ships (imported, never copied), so the fixture and the client
 * can only ever disagree about behaviour, not about the protocol.
 */
import codePb from '@eventstore/db-client/generated/code_pb.js';
import featuresGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import featuresPb from '@eventstore/db-client/generated/serverfeatures_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import statusPb from '@eventstore/db-client/generated/status_pb.js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import anyPb from 'google-protobuf/google/protobuf/any_pb.js';

export { anyPb, codePb, featuresGrpc, featuresPb, sharedPb, statusPb, streamsGrpc, streamsPb };

export type ReadReq = InstanceType<typeof streamsPb.ReadReq>;
export type ReadResp = InstanceType<typeof streamsPb.ReadResp>;
export type AppendReq = InstanceType<typeof streamsPb.AppendReq>;
export type AppendResp = InstanceType<typeof streamsPb.AppendResp>;
export type BatchAppendReq = InstanceType<typeof streamsPb.BatchAppendReq>;
export type BatchAppendResp = InstanceType<typeof streamsPb.BatchAppendResp>;
export type Uuid = InstanceType<typeof sharedPb.UUID>;
