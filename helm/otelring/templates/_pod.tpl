{{/* The pod template's metadata, shared by the three workload kinds. */}}
{{- define "otelring.podMetadata" -}}
metadata:
  annotations:
    {{- if .Values.configMap.create }}
    checksum/config: {{ include (print $.Template.BasePath "/configmap.yaml") . | sha256sum }}
    {{- end }}
    {{- with .Values.podAnnotations }}
    {{- tpl (toYaml .) $ | nindent 4 }}
    {{- end }}
  labels:
    {{- include "otelring.selectorLabels" . | nindent 4 }}
    {{- include "otelring.component" . | nindent 4 }}
    {{- with .Values.podLabels }}
    {{- tpl (toYaml .) $ | nindent 4 }}
    {{- end }}
{{- end }}

{{- define "otelring.probe" -}}
{{- $probe := .probe }}
{{- range $key := list "initialDelaySeconds" "periodSeconds" "timeoutSeconds" "successThreshold" "failureThreshold" "terminationGracePeriodSeconds" }}
{{- with (get $probe $key) }}
{{ $key }}: {{ . }}
{{- end }}
{{- end }}
httpGet:
  path: {{ $probe.httpGet.path }}
  port: {{ $probe.httpGet.port }}
{{- end }}

{{/* The pod spec: the collector container, its config volume, and the user's additions. */}}
{{- define "otelring.podSpec" -}}
{{- $configMounted := or .Values.configMap.create .Values.configMap.existingName }}
{{- $queueVolume := and (eq .Values.mode "statefulset") .Values.statefulset.sendingQueue.enabled }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
serviceAccountName: {{ include "otelring.serviceAccountName" . }}
automountServiceAccountToken: {{ .Values.serviceAccount.automountServiceAccountToken }}
{{- if .Values.podSecurityContext }}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- else if $queueVolume }}
# The queue volume must be writable by the image's user.
securityContext:
  fsGroup: 10001
{{- end }}
{{- with .Values.hostAliases }}
hostAliases:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- if .Values.shareProcessNamespace }}
shareProcessNamespace: true
{{- end }}
hostNetwork: {{ .Values.hostNetwork }}
{{- with .Values.dnsPolicy }}
dnsPolicy: {{ . }}
{{- end }}
{{- with .Values.dnsConfig }}
dnsConfig:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.schedulerName }}
schedulerName: {{ . }}
{{- end }}
{{- with .Values.priorityClassName }}
priorityClassName: {{ . | quote }}
{{- end }}
containers:
  - name: {{ include "otelring.name" . }}
    image: {{ include "otelring.image" . | quote }}
    imagePullPolicy: {{ .Values.image.pullPolicy }}
    {{- with .Values.command.name }}
    command:
      - /{{ . }}
    {{- end }}
    args:
      {{- if $configMounted }}
      - --config=/conf/relay.yaml
      {{- end }}
      {{- range .Values.command.extraArgs }}
      - {{ . | quote }}
      {{- end }}
    {{- with .Values.securityContext }}
    securityContext:
      {{- toYaml . | nindent 6 }}
    {{- end }}
    {{- $ports := include "otelring.podPorts" . }}
    {{- if $ports }}
    ports:
      {{- $ports | trim | nindent 6 }}
    {{- end }}
    env:
      # The default config listens on the pod's own address, as upstream's does.
      - name: MY_POD_IP
        valueFrom:
          fieldRef:
            apiVersion: v1
            fieldPath: status.podIP
      {{- with .Values.extraEnvs }}
      {{- toYaml . | nindent 6 }}
      {{- end }}
    {{- with .Values.extraEnvsFrom }}
    envFrom:
      {{- toYaml . | nindent 6 }}
    {{- end }}
    {{- with .Values.lifecycleHooks }}
    lifecycle:
      {{- toYaml . | nindent 6 }}
    {{- end }}
    livenessProbe:
      {{- include "otelring.probe" (dict "probe" .Values.livenessProbe) | trim | nindent 6 }}
    readinessProbe:
      {{- include "otelring.probe" (dict "probe" .Values.readinessProbe) | trim | nindent 6 }}
    {{- if .Values.startupProbe }}
    startupProbe:
      {{- include "otelring.probe" (dict "probe" .Values.startupProbe) | trim | nindent 6 }}
    {{- end }}
    {{- with .Values.resources }}
    resources:
      {{- toYaml . | nindent 6 }}
    {{- end }}
    volumeMounts:
      {{- if $configMounted }}
      - name: {{ include "otelring.name" . }}-configmap
        mountPath: /conf
      {{- end }}
      {{- if $queueVolume }}
      - name: sending-queue
        mountPath: {{ .Values.statefulset.sendingQueue.mountPath }}
      {{- end }}
      {{- with .Values.extraVolumeMounts }}
      {{- tpl (toYaml .) $ | nindent 6 }}
      {{- end }}
  {{- with .Values.extraContainers }}
  {{- tpl (toYaml .) $ | nindent 2 }}
  {{- end }}
{{- with .Values.initContainers }}
initContainers:
  {{- tpl (toYaml .) $ | nindent 2 }}
{{- end }}
volumes:
  {{- if $configMounted }}
  - name: {{ include "otelring.name" . }}-configmap
    configMap:
      name: {{ include "otelring.configMapName" . }}
      items:
        - key: relay
          path: relay.yaml
  {{- end }}
  {{- with .Values.extraVolumes }}
  {{- tpl (toYaml .) $ | nindent 2 }}
  {{- end }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.topologySpreadConstraints }}
topologySpreadConstraints:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* The workload object's metadata. */}}
{{- define "otelring.workloadMetadata" -}}
metadata:
  name: {{ include "otelring.fullname" . }}{{ if eq .Values.mode "daemonset" }}-agent{{ end }}
  namespace: {{ include "otelring.namespace" . }}
  labels:
    {{- include "otelring.labels" . | nindent 4 }}
  {{- with .Values.annotations }}
  annotations:
    {{- range $key, $value := . }}
    {{ $key }}: {{ tpl (toString $value) $ | quote }}
    {{- end }}
  {{- end }}
{{- end }}

{{- define "otelring.selector" -}}
selector:
  matchLabels:
    {{- include "otelring.selectorLabels" . | nindent 4 }}
    {{- include "otelring.component" . | nindent 4 }}
{{- end }}
